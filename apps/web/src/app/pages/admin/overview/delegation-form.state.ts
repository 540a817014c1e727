import { computed, signal, type Signal } from '@angular/core';
import type { AdminOrganisation } from '@trinhky/contracts';
import { emptyDelegationForm, previewBlock, validateDelegationForm, type DelegationForm } from './admin-forms';

/**
 * The Quản trị screen's delegation form as signals: what is typed, who may be chosen, the problems
 * libs/workflow finds (as the API will), and the signature block it would give — recomputed as the
 * admin types, from the organisation the page loaded.
 */
export class DelegationFormState {
  readonly form = signal<DelegationForm>(emptyDelegationForm());
  /** Problems are shown once the admin tried to send. */
  readonly submitted = signal(false);
  /** The delegation whose "Kết thúc" awaits confirmation. */
  readonly confirmEnd = signal<string | null>(null);

  /** Who may receive a delegation: active accounts other than the Chủ tịch. */
  readonly delegates = computed(() => (this.org()?.users ?? []).filter((u) => u.active && u.position !== 'CHU_TICH'));
  readonly errors = computed(() => {
    const delegate = this.org()?.users.find((u) => u.id === this.form().userId);
    return validateDelegationForm(this.form(), this.org()?.today ?? '', delegate);
  });
  readonly invalid = computed(() => Object.keys(this.errors()).length > 0);
  readonly preview = computed(() => {
    const o = this.org();
    if (!o) return null;
    const user = o.users.find((u) => u.id === this.form().userId);
    return previewBlock(user, this.form(), o.organisation.collectiveTitle, o.today);
  });

  constructor(private readonly org: Signal<AdminOrganisation | null>) {}

  set<K extends keyof DelegationForm>(key: K, value: DelegationForm[K]): void {
    this.form.update((f) => ({ ...f, [key]: value }));
  }

  toggleKind(code: string, on: boolean): void {
    this.form.update((f) => ({
      ...f,
      reportKinds: on ? [...new Set([...f.reportKinds, code])] : f.reportKinds.filter((k) => k !== code),
    }));
  }

  reset(): void {
    this.form.set(emptyDelegationForm());
    this.submitted.set(false);
  }
}
