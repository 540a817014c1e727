import { Component, computed, inject } from '@angular/core';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { ROLE_NAMES, type Role } from '@trinhky/domain';
import { AuthService } from '../core/auth.service';
import { LiveService } from '../core/live.service';
import { ServiceStatus } from '../core/service-status';

/** Header (who I am, organisation, unit, roles, logout), navigation and the page. */
@Component({
  selector: 'tk-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, MatToolbarModule, MatButtonModule, MatBadgeModule],
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.scss',
})
export class ShellComponent {
  protected readonly auth = inject(AuthService);
  protected readonly live = inject(LiveService);
  protected readonly status = inject(ServiceStatus);
  protected readonly user = this.auth.user;
  protected readonly roleNames = computed(() => (this.user()?.roles ?? []).map((r) => ROLE_NAMES[r as Role] ?? r).join(', '));
  protected readonly isClerk = computed(() => this.auth.roles().has('clerk') || this.auth.roles().has('admin'));
  protected readonly isAdmin = computed(() => this.auth.roles().has('admin'));

  constructor() {
    void this.auth.refresh().catch(() => undefined);
  }
}
