import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { AuthService } from './auth.service';

/** Only logged-in users pass; others go to the login page and come back after. */
export const authGuard: CanActivateFn = (_route, state) => {
  const auth = inject(AuthService);
  if (auth.loggedIn()) return true;
  return inject(Router).createUrlTree(['/dang-nhap'], { queryParams: { next: state.url } });
};

/** Pages for some roles only (the API checks again; this only hides screens). */
export function roleGuard(...roles: string[]): CanActivateFn {
  return () => {
    const auth = inject(AuthService);
    return auth.hasRole(...roles) || auth.hasRole('admin') ? true : inject(Router).createUrlTree(['/viec-cua-toi']);
  };
}
