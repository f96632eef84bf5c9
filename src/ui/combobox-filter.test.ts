import { describe, expect, it } from 'vitest';
import { filterOptions } from './combobox-filter.ts';

const options = ['Metz', 'Château-Salins', 'Montigny-lès-Metz', 'Saint-Avold', 'Thionville', 'Ars-sur-Moselle'].map((label, i) => ({ id: `c${i}`, label }));
const labels = (query: string, limit = 10) => filterOptions(options, query, limit).shown.map((o) => o.label);

describe('filterOptions', () => {
  const table: Array<[string, string[]]> = [
    ['', ['Metz', 'Château-Salins', 'Montigny-lès-Metz', 'Saint-Avold', 'Thionville', 'Ars-sur-Moselle']],
    ['chateau', ['Château-Salins']],
    ['CHÂTEAU sal', ['Château-Salins']],
    ['les metz', ['Montigny-lès-Metz']],
    // Labels starting with the first word come first.
    ['metz', ['Metz', 'Montigny-lès-Metz']],
    ['mo', ['Montigny-lès-Metz', 'Ars-sur-Moselle']],
    ['saint-avold', ['Saint-Avold']],
    ['nancy', []],
  ];
  it.each(table)('%j → %j', (query, expected) => expect(labels(query)).toEqual(expected));

  it('shows at most `limit` and counts every match', () => {
    expect(filterOptions(options, 'e', 2)).toEqual({ shown: options.filter((o) => o.label.toLowerCase().includes('e')).slice(0, 2), matched: 5 });
  });
});
