import { NgTemplateOutlet } from '@angular/common';
import { Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTabsModule } from '@angular/material/tabs';
import { firstValueFrom } from 'rxjs';
import type { AdminDelegation, AdminOrganisation, AdminUnit, AdminUser, OrganisationCheck } from '@trinhky/contracts';
import { AdminApi } from '../../../core/admin-api.service';
import { AuthService } from '../../../core/auth.service';
import { apiMessage } from '../../../core/errors';
import { formatDate } from '../../../core/format';
import { toDelegationRequest } from './admin-forms';
import { DelegationFormState } from './delegation-form.state';
import { UserDialogComponent, type UserDialogData } from './user-dialog.component';
import { AdminLogComponent } from './admin-log.component';
import { AgencyCodeComponent } from './agency-code.component';
import { PolicyUnitsComponent } from './policy-units.component';

/** Quản trị: units, users, delegations, routing policy per report kind, the admin log and the whole audit-chain check. */
@Component({
  selector: 'tk-admin-page',
  imports: [
    NgTemplateOutlet,
    FormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatTabsModule,
    AdminLogComponent,
    AgencyCodeComponent,
    PolicyUnitsComponent,
  ],
  templateUrl: './admin-page.component.html',
  styleUrl: './admin-page.component.scss',
})
export class AdminPageComponent {
  private readonly api = inject(AdminApi);
  private readonly dialog = inject(MatDialog);
  protected readonly auth = inject(AuthService);
  protected readonly formatDate = formatDate;

  protected readonly org = signal<AdminOrganisation | null>(null);
  /** Bumped after every load: the admin log (its own pager) reloads. */
  protected readonly logVersion = signal(0);
  protected readonly loadError = signal<string | null>(null);
  /** Success messages (role=status) and errors (role=alert), per section. */
  protected readonly notice = signal<{ section: string; text: string } | null>(null);
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly busy = signal(false);

  // Đơn vị
  protected readonly newUnit = signal({ code: '', name: '' });
  protected readonly editingUnit = signal<{ id: string; name: string } | null>(null);

  // Ủy quyền
  protected readonly grant = new DelegationFormState(this.org);

  // Quy trình
  protected readonly policyChoice = signal<Record<string, string>>({});

  // Kiểm tra nhật ký
  protected readonly verify = signal<OrganisationCheck | null>(null);
  protected readonly verifying = signal(false);

  constructor() {
    void this.load();
  }

  async load(): Promise<void> {
    try {
      const org = await this.api.adminOrganisation();
      this.org.set(org);
      this.logVersion.update((v) => v + 1);
      this.policyChoice.set(Object.fromEntries(org.routingPolicies.map((r) => [r.reportKind, r.policy.code])));
      this.loadError.set(null);
    } catch (err) {
      this.loadError.set(apiMessage(err, 'Không tải được dữ liệu quản trị.'));
    }
  }

  protected roleNames(codes: string[]): string {
    const names = new Map((this.org()?.vocabulary.roles ?? []).map((r) => [r.code, r.name]));
    return codes.map((c) => names.get(c) ?? c).join(', ');
  }

  protected kindNames(codes: string[] | null): string {
    if (!codes?.length) return 'Mọi loại';
    return codes.join(', ');
  }

  protected policyDescription(code: string): string {
    return this.org()?.availablePolicies.find((p) => p.code === code)?.description ?? '';
  }

  protected errorOf(section: string): string | null {
    return this.errors()[section] ?? null;
  }

  /** Runs one change: clears the section's messages, shows the API's words on failure, reloads on success. */
  private async run(section: string, action: () => Promise<string>): Promise<boolean> {
    this.busy.set(true);
    this.notice.set(null);
    this.errors.update((e) => ({ ...e, [section]: '' }));
    try {
      const text = await action();
      await this.load();
      this.notice.set({ section, text });
      return true;
    } catch (err) {
      this.errors.update((e) => ({ ...e, [section]: apiMessage(err) }));
      return false;
    } finally {
      this.busy.set(false);
    }
  }

  // ------------------------------------------------------------ units

  protected setNewUnit(key: 'code' | 'name', value: string): void {
    this.newUnit.update((u) => ({ ...u, [key]: value }));
  }

  async addUnit(): Promise<void> {
    const { code, name } = this.newUnit();
    if (!code.trim() || !name.trim()) {
      this.errors.update((e) => ({ ...e, units: 'Vui lòng nhập cả mã và tên đơn vị.' }));
      return;
    }
    const ok = await this.run('units', async () => {
      const u = await this.api.createUnit({ code: code.trim(), name: name.trim() });
      return `Đã thêm đơn vị ${u.name} (${u.code}).`;
    });
    if (ok) this.newUnit.set({ code: '', name: '' });
  }

  protected startRename(u: AdminUnit): void {
    this.editingUnit.set({ id: u.id, name: u.name });
  }

  protected setRename(name: string): void {
    this.editingUnit.update((e) => (e ? { ...e, name } : e));
  }

  async saveRename(): Promise<void> {
    const e = this.editingUnit();
    if (!e) return;
    const ok = await this.run('units', async () => {
      const u = await this.api.updateUnit(e.id, { name: e.name.trim() });
      return `Đã đổi tên đơn vị ${u.code} thành "${u.name}".`;
    });
    if (ok) this.editingUnit.set(null);
  }

  // ------------------------------------------------------------ users

  async openUser(user?: AdminUser): Promise<void> {
    const org = this.org();
    if (!org) return;
    const ref = this.dialog.open<UserDialogComponent, UserDialogData, AdminUser>(UserDialogComponent, {
      data: { user, org },
      width: '720px',
      maxWidth: '95vw',
      autoFocus: 'first-tabbable',
    });
    const saved = await firstValueFrom(ref.afterClosed());
    if (!saved) return;
    await this.run('users', async () =>
      user ? `Đã lưu thay đổi của ${saved.fullName}.` : `Đã thêm người dùng ${saved.fullName} (${saved.username}).`,
    );
  }

  // ------------------------------------------------------------ delegations

  async addDelegation(): Promise<void> {
    this.grant.submitted.set(true);
    if (this.grant.invalid()) {
      this.errors.update((e) => ({ ...e, delegations: Object.values(this.grant.errors()).join(' ') }));
      return;
    }
    const ok = await this.run('delegations', async () => {
      const d = await this.api.createDelegation(toDelegationRequest(this.grant.form()));
      return `Đã giao ${d.kind}. cho ${d.user.fullName}.`;
    });
    if (ok) this.grant.reset();
  }

  async endDelegation(d: AdminDelegation): Promise<void> {
    this.grant.confirmEnd.set(null);
    await this.run('delegations', async () => {
      const ended = await this.api.endDelegation(d.id);
      return `Đã kết thúc ${ended.kind}. của ${ended.user.fullName}; ủy quyền không còn dùng để ký từ hôm nay.`;
    });
  }

  protected validity(d: AdminDelegation): string {
    if (d.endedAt) return `Đã kết thúc ngày ${formatDate(d.endedAt)}`;
    if (d.validNow) return 'Đang hiệu lực';
    return d.reasonNotValid ?? 'Không hiệu lực';
  }

  // ------------------------------------------------------------ routing policies

  protected choose(kind: string, code: string): void {
    this.policyChoice.update((c) => ({ ...c, [kind]: code }));
  }

  async savePolicy(kind: string): Promise<void> {
    const code = this.policyChoice()[kind];
    await this.run('policies', async () => {
      const r = await this.api.chooseRoutingPolicy(kind, { policyCode: code });
      return `Đã chọn quy trình "${r.policy.name}" cho báo cáo ${r.reportKind}. Báo cáo mở từ nay dùng quy trình này; báo cáo đang xử lý giữ quy trình cũ.`;
    });
  }

  // ------------------------------------------------------------ audit

  async verifyAll(): Promise<void> {
    this.verifying.set(true);
    this.errors.update((e) => ({ ...e, audit: '' }));
    try {
      this.verify.set(await this.api.verifyOrganisationAudit());
    } catch (err) {
      this.errors.update((e) => ({ ...e, audit: apiMessage(err, 'Không kiểm tra được nhật ký.') }));
    } finally {
      this.verifying.set(false);
    }
  }
}
