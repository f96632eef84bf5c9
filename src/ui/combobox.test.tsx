// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Combobox } from './combobox.tsx';

const options = Array.from({ length: 500 }, (_, i) => ({ id: `c${i}`, label: `Commune ${i}` })).concat([
  { id: 'cs', label: 'Château-Salins' },
  { id: 'ar', label: 'Ars-sur-Moselle' },
]);

function Harness({ onPick = () => {} }: { onPick?: (id: string | undefined) => void }) {
  const [value, setValue] = useState<string | undefined>(undefined);
  return (
    <>
      <Combobox
        label="Collectivité"
        options={options}
        value={value}
        onChange={(id) => {
          setValue(id);
          onPick(id);
        }}
        emptyLabel="Toutes"
        maxShown={20}
      />
      <button type="button">after</button>
    </>
  );
}

const box = () => screen.getByRole('combobox', { name: 'Collectivité' }) as HTMLInputElement;
const listed = () => within(screen.getByRole('listbox', { hidden: true })).queryAllByRole('option', { hidden: true }).map((o) => o.textContent);

afterEach(cleanup);

describe('Combobox', () => {
  it('narrows as you type, accents and case aside, and picks with the keyboard', async () => {
    const user = userEvent.setup();
    const picked: Array<string | undefined> = [];
    render(<Harness onPick={(id) => picked.push(id)} />);
    expect(box().value).toBe('Toutes');
    expect(box().getAttribute('aria-expanded')).toBe('false');

    await user.click(box());
    expect(box().getAttribute('aria-expanded')).toBe('true');
    // The "no choice" entry, then the first 20 of 502; the rest are counted.
    expect(listed()).toHaveLength(21);
    expect(screen.getByText('+ 482 autres : précisez la recherche')).toBeTruthy();

    await user.keyboard('chateau');
    expect(listed()).toEqual(['Château-Salins']);
    expect(box().getAttribute('aria-activedescendant')).toBe(screen.getByRole('option', { name: 'Château-Salins' }).id);
    await user.keyboard('{Enter}');
    expect(picked).toEqual(['cs']);
    expect(box().value).toBe('Château-Salins');
    expect(box().getAttribute('aria-expanded')).toBe('false');

    // ↓ opens on the current choice; ↑ from the first entry wraps to the last one shown.
    await user.keyboard('{ArrowDown}');
    const active = () => document.getElementById(box().getAttribute('aria-activedescendant') ?? '')?.textContent;
    expect(active()).toContain('Château-Salins');
    await user.clear(box());
    expect(active()).toBe('Toutes');
    await user.keyboard('{ArrowUp}');
    expect(active()).toBe('Commune 19');
    await user.keyboard('{ArrowUp}{ArrowDown}{ArrowDown}{Enter}');
    expect(picked).toEqual(['cs', undefined]);
  });

  it('Escape closes and keeps the choice; nothing matching says so; Tab leaves without picking', async () => {
    const user = userEvent.setup();
    const picked: Array<string | undefined> = [];
    render(<Harness onPick={(id) => picked.push(id)} />);
    await user.click(box());
    await user.keyboard('zzz');
    expect(screen.getByText('Aucun résultat pour « zzz »')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(box().getAttribute('aria-expanded')).toBe('false');
    expect(box().value).toBe('Toutes');
    await user.click(box());
    await user.keyboard('ars');
    await user.tab();
    expect(picked).toEqual([]);
    expect(box().value).toBe('Toutes');
    expect(document.activeElement?.textContent).toBe('after');
  });

  it('picks with the mouse, and "Toutes" undoes the choice', async () => {
    const user = userEvent.setup();
    const picked: Array<string | undefined> = [];
    render(<Harness onPick={(id) => picked.push(id)} />);
    await user.click(box());
    await user.keyboard('moselle');
    await user.click(screen.getByRole('option', { name: 'Ars-sur-Moselle' }));
    expect(box().value).toBe('Ars-sur-Moselle');
    await user.click(box());
    await user.click(screen.getByRole('option', { name: 'Toutes' }));
    expect(picked).toEqual(['ar', undefined]);
    expect(box().value).toBe('Toutes');
  });

  it('"Toutes" is found by typing its words too, after the matching names', async () => {
    const user = userEvent.setup();
    const picked: Array<string | undefined> = [];
    render(<Harness onPick={(id) => picked.push(id)} />);
    await user.click(box());
    await user.keyboard('moselle');
    expect(listed()).toEqual(['Ars-sur-Moselle']);
    await user.click(screen.getByRole('option', { name: 'Ars-sur-Moselle' }));
    await user.keyboard('tout');
    expect(listed()).toEqual(['Toutes']);
    await user.keyboard('{Enter}');
    expect(picked).toEqual(['ar', undefined]);
    expect(box().value).toBe('Toutes');
  });

  it('a choice not among the options (not loaded yet) shows an empty box, never the "no choice" words', () => {
    const { rerender } = render(<Combobox label="Collectivité" options={[]} value="cs" onChange={() => {}} emptyLabel="Toutes" />);
    expect(box().value).toBe('');
    rerender(<Combobox label="Collectivité" options={options} value="cs" onChange={() => {}} emptyLabel="Toutes" />);
    expect(box().value).toBe('Château-Salins');
    rerender(<Combobox label="Collectivité" options={options} value={undefined} onChange={() => {}} emptyLabel="Toutes" />);
    expect(box().value).toBe('Toutes');
  });
});
