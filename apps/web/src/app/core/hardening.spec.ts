/**
 * How the web answers the API's hardening refusals: a 429 on login shows the API's "thử lại sau …",
 * a 503 (database unavailable) raises the banner with the API's words and the next answer lowers it,
 * a 401 after the account was deactivated ends the session and brings the user back to login with
 * the reason. Through Angular's real HttpClient and the app's interceptor; the backend is the testing one.
 */
import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { currentUser, errorBody as errorSchema, loginResponse } from '@trinhky/contracts';
import { firstValueFrom } from 'rxjs';
import { authInterceptor } from './auth.interceptor';
import { AuthService } from './auth.service';
import { apiMessage, isUnavailable } from './errors';
import { ServiceStatus } from './service-status';

const user = currentUser.parse({
  id: 'u1',
  username: 'vp.cv',
  fullName: 'Đỗ Thị Mai',
  position: 'CHUYEN_VIEN',
  positionTitle: 'Chuyên viên',
  unit: { code: 'VP', name: 'Văn phòng HĐND và UBND' },
  roles: ['drafter'],
  organisation: { id: 'o1', name: 'UBND xã Tân Thành' },
});
const LOCKED =
  'Đăng nhập sai quá nhiều lần. Tài khoản này tạm bị khóa đăng nhập; vui lòng thử lại sau 15 phút (từ 21:30:00 ngày 01 tháng 12 năm 2026).';
const DB_DOWN = 'Cơ sở dữ liệu tạm thời không truy cập được. Thao tác chưa được thực hiện; vui lòng thử lại sau ít phút.';
const REVOKED = 'Tài khoản không còn hiệu lực. Vui lòng đăng nhập lại.';

describe('hardening answers in the web', () => {
  let http: HttpTestingController;
  let auth: AuthService;
  let router: Router;

  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthService);
    router = TestBed.inject(Router);
  });
  afterEach(() => http.verify());

  async function logIn(): Promise<void> {
    const done = auth.login('vp.cv', 'secret-1');
    http.expectOne('/api/auth/login').flush(loginResponse.parse({ accessToken: 'tok', user }));
    await done;
  }

  it('shows the API’s own words on a 429 at login, and stays logged out', async () => {
    const attempt = auth.login('vp.cv', 'wrong').catch((e: unknown) => e);
    const body = errorSchema.parse({ statusCode: 429, message: LOCKED, retryAfterSeconds: 900 });
    http.expectOne('/api/auth/login').flush(body, { status: 429, statusText: 'Too Many Requests' });
    const err = await attempt;
    expect(apiMessage(err)).toBe(LOCKED);
    expect(auth.loggedIn()).toBe(false);
    // A proxy's 429 without a body still says to wait, in Vietnamese.
    const bare = firstValueFrom(TestBed.inject(HttpClient).get('/api/me')).catch((e: unknown) => e);
    http.expectOne('/api/me').flush('<html>429</html>', { status: 429, statusText: 'Too Many Requests' });
    expect(apiMessage(await bare)).toContain('thử lại sau');
  });

  it('raises the banner on a 503 with the API’s message and lowers it on the next answer', async () => {
    await logIn();
    const status = TestBed.inject(ServiceStatus);
    const client = TestBed.inject(HttpClient);
    const failed = firstValueFrom(client.get('/api/inbox')).catch((e: unknown) => e);
    http
      .expectOne('/api/inbox')
      .flush({ statusCode: 503, message: DB_DOWN, reason: 'database_unreachable' }, { status: 503, statusText: 'Service Unavailable' });
    const err = await failed;
    expect(isUnavailable(err)).toBe(true);
    expect(status.unavailable()).toBe(DB_DOWN);
    expect(auth.loggedIn()).toBe(true);
    // A refusal of the user's input is not an outage: the banner goes, the page shows the refusal itself.
    const refused = firstValueFrom(client.get('/api/reports/x')).catch(() => null);
    http
      .expectOne('/api/reports/x')
      .flush({ statusCode: 404, message: 'Không tìm thấy báo cáo.' }, { status: 404, statusText: 'Not Found' });
    await refused;
    expect(status.unavailable()).toBeNull();
    const again = firstValueFrom(client.get('/api/inbox')).catch(() => null);
    http.expectOne('/api/inbox').flush('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' });
    await again;
    expect(status.unavailable()).toContain('tạm thời không phục vụ được');
    const ok = firstValueFrom(client.get('/api/inbox'));
    http.expectOne('/api/inbox').flush([]);
    await ok;
    expect(status.unavailable()).toBeNull();
  });

  it('ends the session on a 401 (account deactivated) and shows why on the login page, then returns', async () => {
    await logIn();
    jest.spyOn(router, 'url', 'get').mockReturnValue('/bao-cao/r1');
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    const call = firstValueFrom(TestBed.inject(HttpClient).get('/api/reports/r1')).catch((e: unknown) => e);
    const req = http.expectOne('/api/reports/r1');
    expect(req.request.headers.get('Authorization')).toBe('Bearer tok');
    req.flush({ statusCode: 401, message: REVOKED }, { status: 401, statusText: 'Unauthorized' });
    await call;
    expect(auth.loggedIn()).toBe(false);
    expect(sessionStorage.getItem('tk.token')).toBeNull();
    expect(auth.endedReason()).toBe(REVOKED);
    expect(navigate).toHaveBeenCalledWith(['/dang-nhap'], { queryParams: { next: '/bao-cao/r1' } });
    // Logging in again clears the reason.
    await logIn();
    expect(auth.endedReason()).toBeNull();
  });

  it('does not end the session for a wrong password (401 on login itself)', async () => {
    const attempt = auth.login('vp.cv', 'wrong').catch((e: unknown) => e);
    http
      .expectOne('/api/auth/login')
      .flush({ statusCode: 401, message: 'Sai tên đăng nhập hoặc mật khẩu.' }, { status: 401, statusText: 'Unauthorized' });
    expect(apiMessage(await attempt)).toBe('Sai tên đăng nhập hoặc mật khẩu.');
    expect(auth.endedReason()).toBeNull();
  });
});
