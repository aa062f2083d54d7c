// Dashboard variables as Grafana's TemplateSrv replaces them ($name, ${name}, [[name]]; scopedVars first).
// Imitates: public/app/features/templating/template_srv.ts (replace) and public/app/features/variables/utils.ts
// (variableRegex). The dashboard page sets the variables; elsewhere there are none.
import type { ScopedVars } from '@grafana/data';

const VARIABLE = /\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\${(\w+)(?:\.([^:^}]+))?(?::([^}]+))?}/g;

export class HostTemplateSrv {
  private variables: Record<string, string> = {};

  setVariables(variables: Record<string, string>): void {
    this.variables = { ...variables };
  }

  getVariables() {
    return Object.entries(this.variables).map(([name, value]) => ({ name, current: { value, text: value }, type: 'custom' }));
  }

  containsTemplate(target?: string): boolean {
    return Boolean(target && [...target.matchAll(VARIABLE)].some((m) => this.lookup(m[1] || m[2] || m[4]) !== undefined));
  }

  replace(target?: string, scopedVars?: ScopedVars): string {
    if (!target) {
      return target ?? '';
    }
    return target.replace(VARIABLE, (match, a, b, _f1, c) => {
      const name = a || b || c;
      const value = scopedVars?.[name]?.value ?? this.lookup(name);
      return value === undefined ? match : String(value);
    });
  }

  updateTimeRange(): void {}

  private lookup(name: string): string | undefined {
    return Object.prototype.hasOwnProperty.call(this.variables, name) ? this.variables[name] : undefined;
  }
}
