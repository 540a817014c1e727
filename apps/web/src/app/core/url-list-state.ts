import { inject, signal, type WritableSignal } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';

/** A list filter: text fields ('' = any) and switches (false = off), each kept in the URL under its own name. */
export type ListFilter<F> = { [K in keyof F]: string | boolean };

/**
 * The state a filtered, paged list page keeps in its URL (filters and offset, so a reload or a shared link
 * shows the same page), and the rules every such page follows: a new filter goes back to the first page,
 * typing in the search box (`q`) asks once the typing pauses, and only the newest request's answer is shown.
 * Create it in a component's field initialiser (it injects the router).
 */
export class UrlListState<F extends ListFilter<F>> {
  private readonly router = inject(Router);
  readonly filter: WritableSignal<F>;
  readonly offset: WritableSignal<number>;
  private typing: ReturnType<typeof setTimeout> | undefined;
  private loading = 0;

  constructor(
    private readonly empty: F,
    private readonly reload: () => void,
  ) {
    const q = inject(ActivatedRoute).snapshot.queryParamMap;
    const initial = { ...empty };
    for (const k of Object.keys(empty) as (keyof F & string)[]) {
      initial[k] = (typeof empty[k] === 'boolean' ? q.get(k) === 'true' : (q.get(k) ?? '')) as F[typeof k];
    }
    this.filter = signal<F>(initial);
    this.offset = signal(Number(q.get('offset')) || 0);
  }

  set<K extends keyof F>(key: K, value: F[K]): void {
    this.filter.update((f) => ({ ...f, [key]: value }));
    this.offset.set(0);
    this.sync();
    // Typing in the search box: one request when the typing pauses, not one per key.
    clearTimeout(this.typing);
    if (key === 'q') this.typing = setTimeout(() => this.reload(), 300);
    else this.reload();
  }

  clear(): void {
    this.filter.set({ ...this.empty });
    this.offset.set(0);
    this.sync();
    this.reload();
  }

  goTo(offset: number): void {
    this.offset.set(offset);
    this.sync();
    this.reload();
  }

  /** Call at the start of a load; the function it returns says whether that load is still the newest. */
  begin(): () => boolean {
    const mine = ++this.loading;
    return () => mine === this.loading;
  }

  private sync(): void {
    const f = this.filter();
    const queryParams: Record<string, string | null> = {};
    for (const k of Object.keys(this.empty) as (keyof F & string)[]) {
      const v: string | boolean = f[k];
      queryParams[k] = v === '' || v === false ? null : String(v);
    }
    queryParams['offset'] = this.offset() ? String(this.offset()) : null;
    void this.router.navigate([], { queryParams, replaceUrl: true });
  }
}
