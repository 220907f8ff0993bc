import { describe, expect, test } from 'vitest';
import { authorsFromEnv, cslName, displayName, joinNames } from '~/lib/authors';

describe('authors', () => {
  test('a name: the last word is the family name, unless a comma says where it ends', () => {
    expect(cslName('Ada Lovelace')).toEqual({ given: 'Ada', family: 'Lovelace' });
    expect(cslName('  Mary  Ann   Evans ')).toEqual({ given: 'Mary Ann', family: 'Evans' });
    expect(cslName('van Rossum, Guido')).toEqual({ family: 'van Rossum', given: 'Guido' });
    expect(cslName('Plato')).toEqual({ literal: 'Plato' });
    expect(cslName('{World Health Organization}')).toEqual({ literal: 'World Health Organization' });
    expect(cslName('Cher,')).toEqual({ literal: 'Cher' });
  });

  test('as a reader sees them: given name first, joined with commas and "and"', () => {
    expect(displayName('van Rossum, Guido')).toBe('Guido van Rossum');
    expect(displayName('{World Health Organization}')).toBe('World Health Organization');
    expect(joinNames([])).toBe('');
    expect(joinNames(['Ada Lovelace'])).toBe('Ada Lovelace');
    expect(joinNames(['Ada Lovelace', 'Turing, Alan'])).toBe('Ada Lovelace and Alan Turing');
    expect(joinNames(['A B', 'C D', 'E F'])).toBe('A B, C D and E F');
  });

  test('SITE_AUTHORS: semicolons between people, so a name may hold a comma', () => {
    expect(authorsFromEnv(undefined)).toEqual([]);
    expect(authorsFromEnv('  ')).toEqual([]);
    expect(authorsFromEnv('Ada Lovelace; Turing, Alan;')).toEqual(['Ada Lovelace', 'Turing, Alan']);
  });
});
