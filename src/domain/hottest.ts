import type { LineCost } from './model';

/** The line the eye should go to first: the highest total, then the highest self; none when nothing costs anything. */
export function hottestLine(costs: readonly LineCost[]): LineCost | undefined {
  let hottest: LineCost | undefined;
  for (const cost of costs) {
    if (!hottest || cost.total > hottest.total || (cost.total === hottest.total && cost.self > hottest.self)) {
      hottest = cost;
    }
  }
  return hottest && hottest.total > 0 ? hottest : undefined;
}
