// Translatable views: every user-visible string in a view goes through @grafana/i18n (`t`, `Trans`), and Grafana's
// own lint rule refuses new ones that do not. The views listed in UNTRANSLATED_VIEWS predate the rule and are being
// moved over; a new view is checked from its first line, and a converted one leaves the list for good (an empty
// list is fine as it is: nothing else needs to change when the last one leaves).
import grafanaI18n from '@grafana/i18n/eslint-plugin';

export const VIEW_FILES = ['src/**/*.tsx'];
export const NOT_VIEWS = ['src/**/*.test.tsx', 'src/test-support/**'];

export const UNTRANSLATED_VIEWS = [
  'src/function-details/FunctionDetailsPanel.tsx',
  'src/source/overrides/OverrideEditor.tsx',
  'src/source/connection/HostConnection.tsx',
  'src/source/providers/LoginCallbackPage.tsx',
];

// The props Grafana's rule reads (a literal or template literal there is its to report).
const GRAFANA_TEXT_PROPS = [
  'content',
  'label',
  'description',
  'placeholder',
  'aria-label',
  'ariaLabel',
  'title',
  'text',
  'tooltip',
  'confirmText',
  'body',
  'noOptionsMessage',
  'loadingMessage',
];
// Props users read that Grafana's rule does not look at (EmptyState's and Alert-like `message`, an image's words).
const MORE_TEXT_PROPS = ['message', 'alt', 'aria-valuetext', 'aria-description', 'aria-roledescription'];

const hasWords = (text) => /[A-Za-z]{2}/.test(text);

/**
 * What Grafana's rule lets through: English built in an expression, in JSX text or a text prop. A template literal
 * with words (`Show all ${n}`), a literal after `&&`/`||`/`??` or in a ternary's template branch, and the props
 * of MORE_TEXT_PROPS. Calls (t(), formatters) and variables are not text.
 */
const noUntranslatedExpressions = {
  meta: {
    type: 'problem',
    messages: { text: 'Text users read goes through t() or <Trans>: "{{text}}"' },
    schema: [],
  },
  create(context) {
    const report = (node, text) => context.report({ node, messageId: 'text', data: { text: text.slice(0, 40) } });
    // `grafanaReadsBranches`: Grafana's rule reports the literal branches of a ternary right here.
    const check = (node, grafanaReadsBranches) => {
      switch (node.type) {
        case 'Literal':
          if (typeof node.value === 'string' && hasWords(node.value)) {
            report(node, node.value);
          }
          return;
        case 'TemplateLiteral': {
          const text = node.quasis.map((q) => q.value.cooked ?? '').join('…');
          if (hasWords(text)) {
            report(node, text);
          }
          return;
        }
        case 'ConditionalExpression':
          for (const branch of [node.consequent, node.alternate]) {
            if (!(grafanaReadsBranches && branch.type === 'Literal')) {
              check(branch, false);
            }
          }
          return;
        case 'LogicalExpression':
          // `on && 'text'` shows its right side; `a || 'text'` and `a ?? 'text'` either side.
          if (node.operator !== '&&') {
            check(node.left, false);
          }
          check(node.right, false);
          return;
        default:
          return;
      }
    };
    return {
      JSXExpressionContainer(node) {
        const { parent, expression } = node;
        if (parent.type === 'JSXElement' || parent.type === 'JSXFragment') {
          check(expression, true);
          return;
        }
        if (parent.type !== 'JSXAttribute' || parent.parent.name?.name === 'Trans') {
          return;
        }
        const prop = String(parent.name.name);
        if (GRAFANA_TEXT_PROPS.includes(prop)) {
          // A literal or template literal right there is Grafana's to report; inside ternaries and && it is ours.
          if (expression.type !== 'Literal' && expression.type !== 'TemplateLiteral') {
            check(expression, true);
          }
        } else if (MORE_TEXT_PROPS.includes(prop)) {
          check(expression, false);
        }
      },
      JSXAttribute(node) {
        const prop = String(node.name.name);
        if (MORE_TEXT_PROPS.includes(prop) && node.value?.type === 'Literal' && hasWords(String(node.value.value))) {
          report(node.value, String(node.value.value));
        }
      },
    };
  },
};

export const i18nConfig = [
  {
    files: VIEW_FILES,
    ignores: [...NOT_VIEWS, ...UNTRANSLATED_VIEWS],
    plugins: {
      '@grafana/i18n': grafanaI18n,
      linescope: { rules: { 'no-untranslated-expressions': noUntranslatedExpressions } },
    },
    rules: {
      '@grafana/i18n/no-untranslated-strings': ['error', { calleesToIgnore: ['^css$', '^cx$'] }],
      '@grafana/i18n/no-translation-top-level': 'error',
      'linescope/no-untranslated-expressions': 'error',
    },
  },
];
