// The signed-in session, kept in sessionStorage: it survives a reload but not a closed tab, and a
// kiosk's token never lands in localStorage.
import { z } from 'zod';
import { parseMessage } from '../protocol/parse.ts';
import { sessionSchema } from '../protocol/rest.ts';

export type Session = z.infer<typeof sessionSchema>;
export type SessionUser = Session['user'];

const KEY = 'vigie.session';

export class SessionStore {
  private current: Session | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined = globalThis.sessionStorage,
    private readonly clock: () => number = Date.now,
  ) {
    this.current = this.load();
  }

  get(): Session | undefined {
    if (this.current && this.current.expiresAt <= this.clock()) this.clear();
    return this.current;
  }

  token(): string | undefined {
    return this.get()?.token;
  }

  set(session: Session): void {
    this.current = session;
    this.storage?.setItem(KEY, JSON.stringify(session));
    this.emit();
  }

  clear(): void {
    if (!this.current) return;
    this.current = undefined;
    this.storage?.removeItem(KEY);
    this.emit();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private load(): Session | undefined {
    const raw = this.storage?.getItem(KEY);
    if (!raw) return undefined;
    try {
      const parsed = parseMessage(sessionSchema, JSON.parse(raw));
      return parsed.ok ? parsed.value : undefined;
    } catch {
      return undefined;
    }
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
