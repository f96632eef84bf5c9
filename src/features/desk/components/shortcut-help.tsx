// "?" on the desk: the keyboard shortcuts, in a native dialog (focus trapped, Esc closes).
import { useEffect, useRef } from 'react';
import { useMessages } from '../../../i18n/locale-context.ts';
import { deskMessages } from '../messages.ts';

export function ShortcutHelp({ open, onClose }: { open: boolean; onClose(): void }) {
  const m = useMessages(deskMessages);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal?.();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={dialog} aria-labelledby="desk-shortcuts-title" onClose={onClose} className="m-auto rounded-lg bg-slate-900 p-4 text-slate-100 shadow-2xl backdrop:bg-black/60">
      <h2 id="desk-shortcuts-title" className="mb-3 text-lg font-semibold">
        {m.shortcuts}
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {m.shortcutList.map(([key, what]) => (
          <div key={key} className="contents">
            <dt>
              <kbd className="rounded border border-slate-500 px-1.5 font-mono">{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={onClose} className="mt-4 rounded bg-slate-700 px-3 py-1.5 focus-visible:outline-2 focus-visible:outline-sky-400">
        {m.close}
      </button>
    </dialog>
  );
}
