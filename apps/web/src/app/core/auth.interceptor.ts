import { HttpErrorResponse, HttpResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, tap, throwError } from 'rxjs';
import { AuthService } from './auth.service';
import { apiMessage } from './errors';
import { ServiceStatus } from './service-status';

/**
 * Adds the bearer token to /api calls; a 401 outside login ends the session with the API's reason
 * (a deactivated account: "Tài khoản không còn hiệu lực…"); a 502/503/504 raises the "service
 * unavailable" banner, which any later answer of the API lowers.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const auth = inject(AuthService);
  const status = inject(ServiceStatus);
  const token = auth.token();
  const isApi = req.url.startsWith('/api/');
  const isLogin = req.url === '/api/auth/login';
  const out = token && isApi && !isLogin ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : req;
  return next(out).pipe(
    tap((ev) => {
      if (isApi && ev instanceof HttpResponse) status.answered();
    }),
    catchError((err: unknown) => {
      if (isApi && err instanceof HttpErrorResponse) {
        status.failed(err);
        if (err.status === 401 && !isLogin) auth.endSession(apiMessage(err));
      }
      return throwError(() => err);
    }),
  );
};
