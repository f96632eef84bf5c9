// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { CollectivitePicker, collectiviteOptions } from './collectivite-picker.tsx';

const estate = new Map(
  [
    { id: 'thionville', name: 'Thionville' },
    { id: 'eply', name: 'Éply' },
    { id: 'cs', name: 'Château-Salins' },
    { id: 'ars', name: 'Ars-sur-Moselle' },
    ...Array.from({ length: 500 }, (_, i) => ({ id: `c${i}`, name: `Commune ${String(i).padStart(3, '0')}` })),
  ].map((c) => [c.id, c]),
);

const box = (name = 'Collectivité') => screen.getByRole('combobox', { name }) as HTMLInputElement;
const listed = () => within(screen.getByRole('listbox', { hidden: true })).queryAllByRole('option', { hidden: true }).map((o) => o.textContent);

afterEach(cleanup);

describe('collectiviteOptions', () => {
  it('lists pinned entries first, then every name in French order, from a map or a list', () => {
    const all = { id: '*', label: 'Toutes' };
    const fromMap = collectiviteOptions(estate, [all]);
    expect(fromMap).toHaveLength(505);
    expect(fromMap.slice(0, 4).map((o) => o.label)).toEqual(['Toutes', 'Ars-sur-Moselle', 'Château-Salins', 'Commune 000']);
    // "Éply" sorts with the E's (before Thionville), not after Z as a byte order would.
    expect(fromMap.slice(-2).map((o) => o.label)).toEqual(['Éply', 'Thionville']);
    expect(collectiviteOptions([...estate.values()])).toEqual(fromMap.slice(1));
  });
});

function RequiredForm({ onSubmit }: { onSubmit(id: string): void }) {
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(chosen!);
      }}
    >
      <CollectivitePicker collectivites={estate} value={chosen} onChange={setChosen} required />
      <button type="submit">Enregistrer</button>
    </form>
  );
}

describe('CollectivitePicker', () => {
  it('finds a name by typing without accents and picks it with Enter; Esc keeps the choice', async () => {
    const user = userEvent.setup();
    const submitted: string[] = [];
    render(<RequiredForm onSubmit={(id) => submitted.push(id)} />);
    await user.click(box());
    await user.keyboard('eply');
    expect(listed()).toEqual(['Éply']);
    await user.keyboard('{Enter}');
    expect(box().value).toBe('Éply');

    await user.keyboard('{ArrowDown}chat{ArrowDown}{ArrowUp}');
    expect(listed()).toEqual(['Château-Salins']);
    await user.keyboard('{Escape}');
    expect(box().value).toBe('Éply');
    expect(box().getAttribute('aria-expanded')).toBe('false');
    // Typing again after Esc starts a new search, not "Éplythion".
    await user.keyboard('thion');
    expect(listed()).toEqual(['Thionville']);
    await user.keyboard('{Escape}');

    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(submitted).toEqual(['eply']);
  });

  it('in a form, refuses to submit without a choice and says why in French, until one is picked', async () => {
    const user = userEvent.setup();
    const submitted: string[] = [];
    render(<RequiredForm onSubmit={(id) => submitted.push(id)} />);
    expect(box().getAttribute('aria-required')).toBe('true');
    expect(box().getAttribute('aria-invalid')).toBeNull();

    // Typed text that is not a pick is no choice either.
    await user.type(box(), 'thion');
    await user.tab();
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(submitted).toEqual([]);
    expect(box().validationMessage).toBe('Choisissez une collectivité dans la liste.');
    expect(box().getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(box());
    const error = document.getElementById(box().getAttribute('aria-describedby')!);
    expect(error?.textContent).toBe('Choisissez une collectivité dans la liste.');

    await user.click(box());
    await user.keyboard('thion{Enter}');
    expect(box().getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByText('Choisissez une collectivité dans la liste.')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(submitted).toEqual(['thionville']);
  });

  it('offers "no choice" when asked, and a pinned scope above the names', async () => {
    const user = userEvent.setup();
    const picked: Array<string | undefined> = [];
    const pinned = [{ id: '*', label: 'Support : toutes les collectivités' }];
    render(<CollectivitePicker label="Périmètre" collectivites={estate} value="cs" onChange={(id) => picked.push(id)} emptyLabel="Toutes" pinned={pinned} />);
    expect(box('Périmètre').value).toBe('Château-Salins');
    await user.click(box('Périmètre'));
    expect(listed().slice(0, 3)).toEqual(['Toutes', 'Support : toutes les collectivités', 'Ars-sur-Moselle']);
    await user.keyboard('toutes');
    expect(listed()).toEqual(['Support : toutes les collectivités', 'Toutes']);
    await user.keyboard('{Enter}');
    // ↓ opens on the current choice (Château-Salins, 4th); three ↑ reach "Toutes": no choice.
    await user.keyboard('{ArrowDown}{ArrowUp}{ArrowUp}{ArrowUp}{Enter}');
    expect(picked).toEqual(['*', undefined]);
  });
});
