import { describe, expect, it } from 'vitest';
import { formatTable, median } from '../../src/bench/table.ts';

describe('bench table helpers', () => {
  it('takes the median of odd and even lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
  it('aligns columns', () => {
    const t = formatTable(['a', 'bb'], [['xxx', 'y']]);
    expect(t.split('\n')).toEqual(['a    bb', '---  --', 'xxx  y']);
  });
});
