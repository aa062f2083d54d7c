// The code view's hot rows as the page shows them, and the check that each shows a file's own text beside a number.
import { expect, type Locator } from '@playwright/test';

export interface HotRow {
  line: number;
  code: string;
  self: string;
  /** The total column's text (`–` when the line has none). */
  total: string;
  hottest: boolean;
}

/** The rows with samples, once the first is on the page. */
export async function readHotRows(view: Locator): Promise<HotRow[]> {
  const hot = view.locator('[data-testid="code-view-row"][data-hot="true"]');
  await expect(hot.first()).toBeVisible();
  return hot.evaluateAll((els) =>
    els.map((el) => ({
      line: Number((el as HTMLElement).dataset.line),
      code: el.querySelector('[data-testid="code-view-code"]')?.textContent ?? '',
      self: el.querySelector('[data-testid="code-view-self"]')?.textContent ?? '',
      total: el.querySelector('[data-testid="code-view-total"]')?.textContent ?? '',
      hottest: (el as HTMLElement).dataset.hottest === 'true',
    }))
  );
}

/** Every hot row shows `lines[row.line - 1]` with a total beside it. */
export function expectRowsShowLines(rows: HotRow[], lines: string[]): void {
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    expect(row.code, `line ${row.line}`).toBe(lines[row.line - 1]);
    expect(row.total, `line ${row.line}`).not.toBe('–');
  }
}
