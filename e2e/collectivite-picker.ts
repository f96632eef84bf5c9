// Choosing a collectivité in the shared picker (src/ui/collectivite-picker.tsx) as a person does:
// type the name the lazy way (lower case, no accents), then click it in the list, or, by keyboard,
// take the first match with Enter (a full name is always listed first: names starting with the
// typed words come first, in French order, and a name sorts before the longer names it begins).
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { searchFold } from '../src/domain/search-fold.ts';

export async function pickCollectivite(where: Page | Locator, name: string, { label = 'Collectivité', by = 'pointer' }: { label?: string; by?: 'pointer' | 'keyboard' } = {}): Promise<void> {
  const box = where.getByRole('combobox', { name: label, exact: true });
  if (by === 'pointer') await box.click();
  else await box.focus();
  await box.pressSequentially(searchFold(name));
  const option = where.getByRole('listbox', { name: label, exact: true }).getByRole('option', { name, exact: true });
  if (by === 'pointer') await option.click();
  else {
    await expect.poll(() => option.getAttribute('id')).toBe(await box.getAttribute('aria-activedescendant'));
    await box.press('Enter');
  }
  await expect.poll(() => box.inputValue()).toBe(name);
}
