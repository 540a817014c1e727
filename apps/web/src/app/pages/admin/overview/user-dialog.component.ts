import { Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { AdminOrganisation, AdminUser } from '@trinhky/contracts';
import { AdminApi } from '../../../core/admin-api.service';
import { apiMessage } from '../../../core/errors';
import { emptyUserForm, toCreateUserRequest, toUpdateUserRequest, userFormOf, validateUserForm, type UserForm } from './admin-forms';

export interface UserDialogData {
  /** Absent: a new user. */
  user?: AdminUser;
  org: AdminOrganisation;
}

/** Create or edit a user: họ tên, tên đăng nhập, chức vụ, đơn vị, vai trò, lĩnh vực, mật khẩu, hoạt động. */
@Component({
  selector: 'tk-user-dialog',
  imports: [FormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatCheckboxModule],
  template: `
    <h2 mat-dialog-title>{{ editing ? 'Sửa người dùng' : 'Thêm người dùng' }}</h2>
    <form (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="grid">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Họ và tên</mat-label>
          <input
            matInput
            name="fullName"
            autocomplete="off"
            required
            [ngModel]="form().fullName"
            (ngModelChange)="set('fullName', $event)"
            cdkFocusInitial
          />
          @if (shown('fullName')) {
            <mat-hint class="tk-error-text">{{ errors().fullName }}</mat-hint>
          }
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Tên đăng nhập</mat-label>
          <input
            matInput
            name="newUsername"
            autocomplete="off"
            required
            [disabled]="editing"
            [ngModel]="form().username"
            (ngModelChange)="set('username', $event)"
          />
          @if (shown('username')) {
            <mat-hint class="tk-error-text">{{ errors().username }}</mat-hint>
          } @else if (!editing) {
            <mat-hint>chữ thường không dấu, ví dụ tp.cv</mat-hint>
          }
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Chức vụ</mat-label>
          <mat-select name="position" required [ngModel]="form().position" (ngModelChange)="set('position', $event)">
            @for (p of data.org.vocabulary.positions; track p.code) {
              <mat-option [value]="p.code">{{ p.title }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Đơn vị</mat-label>
          <mat-select name="unitCode" [ngModel]="form().unitCode" (ngModelChange)="set('unitCode', $event)">
            <mat-option [value]="null">— Không thuộc đơn vị (lãnh đạo, quản trị) —</mat-option>
            @for (u of data.org.units; track u.code) {
              <mat-option [value]="u.code">{{ u.name }}</mat-option>
            }
          </mat-select>
          @if (shown('unitCode')) {
            <mat-hint class="tk-error-text">{{ errors().unitCode }}</mat-hint>
          }
        </mat-form-field>
        <fieldset class="wide">
          <legend>Vai trò</legend>
          @for (r of data.org.vocabulary.roles; track r.code) {
            <mat-checkbox
              [name]="'role-' + r.code"
              [checked]="form().roles.includes(r.code)"
              (change)="toggle('roles', r.code, $event.checked)"
              >{{ r.name }}</mat-checkbox
            >
          }
          @if (shown('roles')) {
            <p class="tk-error-text" role="alert">{{ errors().roles }}</p>
          }
        </fieldset>
        @if (leader()) {
          <fieldset class="wide">
            <legend>Lĩnh vực phụ trách</legend>
            @for (f of data.org.vocabulary.fields; track f.code) {
              <mat-checkbox
                [name]="'field-' + f.code"
                [checked]="form().fields.includes(f.code)"
                (change)="toggle('fields', f.code, $event.checked)"
                >{{ f.name }}</mat-checkbox
              >
            }
          </fieldset>
        }
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ editing ? 'Mật khẩu mới (để trống nếu không đổi)' : 'Mật khẩu' }}</mat-label>
          <input
            matInput
            type="password"
            name="newPassword"
            autocomplete="new-password"
            [required]="!editing"
            [ngModel]="form().password"
            (ngModelChange)="set('password', $event)"
          />
          @if (shown('password')) {
            <mat-hint class="tk-error-text">{{ errors().password }}</mat-hint>
          } @else {
            <mat-hint>ít nhất 8 ký tự</mat-hint>
          }
        </mat-form-field>
        <div class="active">
          <mat-checkbox name="active" [checked]="form().active" (change)="set('active', $event.checked)"
            >Đang hoạt động (được đăng nhập)</mat-checkbox
          >
        </div>
        @if (submitted() && invalid()) {
          <p class="tk-error wide" role="alert">Vui lòng sửa các ô được đánh dấu: {{ errorList() }}</p>
        }
        @if (error()) {
          <p class="tk-error wide" role="alert" data-testid="user-dialog-error">{{ error() }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Hủy</button>
        <button mat-flat-button type="submit" data-testid="save-user" [disabled]="saving()">{{ saving() ? 'Đang lưu…' : 'Lưu' }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(240px, 1fr));
      gap: 4px 16px;
    }
    .wide {
      grid-column: 1 / -1;
    }
    fieldset {
      border: 1px solid #c4c7c5;
      border-radius: 8px;
      padding: 8px 12px;
      margin: 4px 0 12px;
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
    }
    legend {
      padding: 0 4px;
    }
    .active {
      display: flex;
      align-items: center;
    }
    .tk-error-text {
      color: #b3261e;
      flex-basis: 100%;
      margin: 4px 0 0;
    }
  `,
})
export class UserDialogComponent {
  protected readonly data = inject<UserDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<UserDialogComponent, AdminUser>>(MatDialogRef);
  private readonly api = inject(AdminApi);

  protected readonly editing = !!this.data.user;
  protected readonly form = signal<UserForm>(this.data.user ? userFormOf(this.data.user) : emptyUserForm());
  protected readonly errors = computed(() => validateUserForm(this.form(), this.editing));
  protected readonly invalid = computed(() => Object.keys(this.errors()).length > 0);
  protected readonly errorList = computed(() => Object.values(this.errors()).join(' '));
  protected readonly leader = computed(() => ['CHU_TICH', 'PHO_CHU_TICH'].includes(this.form().position) || this.form().fields.length > 0);
  protected readonly submitted = signal(false);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

  protected set<K extends keyof UserForm>(key: K, value: UserForm[K]): void {
    this.form.update((f) => ({ ...f, [key]: value }));
  }

  protected toggle(key: 'roles' | 'fields', code: string, on: boolean): void {
    this.form.update((f) => ({ ...f, [key]: on ? [...new Set([...f[key], code])] : f[key].filter((x) => x !== code) }));
  }

  protected shown(key: keyof UserForm): boolean {
    return this.submitted() && !!this.errors()[key];
  }

  async save(): Promise<void> {
    this.submitted.set(true);
    this.error.set(null);
    if (this.invalid()) return;
    const before = this.data.user;
    let request: Promise<AdminUser>;
    if (before) {
      const changes = toUpdateUserRequest(before, this.form());
      if (!changes) {
        this.ref.close();
        return;
      }
      request = this.api.updateUser(before.id, changes);
    } else {
      request = this.api.createUser(toCreateUserRequest(this.form()));
    }
    this.saving.set(true);
    try {
      this.ref.close(await request);
    } catch (err) {
      this.error.set(apiMessage(err, 'Không lưu được người dùng.'));
    } finally {
      this.saving.set(false);
    }
  }
}
