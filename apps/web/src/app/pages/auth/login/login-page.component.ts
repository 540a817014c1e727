import { Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, Router } from '@angular/router';
import { AuthService } from '../../../core/auth.service';
import { apiMessage } from '../../../core/errors';

@Component({
  selector: 'tk-login-page',
  imports: [FormsModule, MatFormFieldModule, MatInputModule, MatButtonModule],
  templateUrl: './login-page.component.html',
  styleUrl: './login-page.component.scss',
})
export class LoginPageComponent {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected username = '';
  protected password = '';
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  /** Why I was sent back here (the API ended the session: account deactivated, token expired). */
  protected readonly ended = this.auth.endedReason;

  async submit(): Promise<void> {
    if (!this.username.trim() || !this.password) {
      this.error.set('Vui lòng nhập tên đăng nhập và mật khẩu.');
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.auth.login(this.username, this.password);
      const next = this.route.snapshot.queryParamMap.get('next');
      await this.router.navigateByUrl(next && next.startsWith('/') && !next.startsWith('//') ? next : '/viec-cua-toi');
    } catch (err) {
      this.error.set(apiMessage(err, 'Không đăng nhập được. Vui lòng thử lại.'));
    } finally {
      this.busy.set(false);
    }
  }
}
