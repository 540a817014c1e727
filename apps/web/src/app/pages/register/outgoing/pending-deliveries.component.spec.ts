import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { PendingDelivery, PendingDeliveryPage } from '@trinhky/contracts';
import { formatDateTime } from '../../../core/format';
import { AuthService } from '../../../core/auth.service';
import { LiveService } from '../../../core/live.service';
import { ProvinceApi } from '../../../core/province-api.service';
import { PendingDeliveriesComponent } from './pending-deliveries.component';

const SNV = { id: 'org-snv', name: 'Sở Nội vụ tỉnh Đông Hòa' };
const future = '2999-01-01T08:30:00.000Z';
const row = (i: number, over: Partial<PendingDelivery> = {}): PendingDelivery => ({
  reportId: `r-${i}`,
  title: `Báo cáo công tác CCHC số ${i}`,
  numberText: `${i}/BC-UBND`,
  receiver: SNV,
  attempts: 0,
  lastError: null,
  nextAttemptAt: future,
  since: '2026-12-01T01:00:00.000Z',
  ...over,
});
const page = (items: PendingDelivery[], total: number, offset = 0): PendingDeliveryPage => ({ items, total, limit: 20, offset });

describe('PendingDeliveriesComponent (Gửi chưa đến nơi nhận)', () => {
  async function render(
    answers: (q: Record<string, unknown>) => Promise<PendingDeliveryPage>,
    opts: { roles?: string[]; retryDelivery?: (id: string) => Promise<unknown> } = {},
  ) {
    const pendingDeliveries = jest.fn(answers);
    const retryDelivery = jest.fn(opts.retryDelivery ?? (async () => ({})));
    const user = signal({ id: 'u-1', organisation: { id: 'org-tanphu', name: 'UBND xã Tân Phú' }, roles: opts.roles ?? ['viewer'] });
    const listChanged = signal(0);
    await TestBed.configureTestingModule({
      imports: [PendingDeliveriesComponent],
      providers: [
        provideRouter([]),
        { provide: ProvinceApi, useValue: { pendingDeliveries, retryDelivery } },
        { provide: AuthService, useValue: { user } },
        { provide: LiveService, useValue: { listChanged } },
      ],
    }).compileComponents();
    const fixture = TestBed.createComponent(PendingDeliveriesComponent);
    const settle = async () => {
      fixture.detectChanges();
      await fixture.whenStable();
      await new Promise((r) => setTimeout(r));
      fixture.detectChanges();
    };
    await settle();
    const el = fixture.nativeElement as HTMLElement;
    const rows = () =>
      Array.from(el.querySelectorAll('[data-testid="pending-delivery"]')).map((tr) =>
        Array.from(tr.querySelectorAll('td')).map((td) => td.textContent?.trim()),
      );
    const button = (text: string) =>
      Array.from(el.querySelectorAll('button')).find((b) => b.textContent?.trim() === text) as HTMLButtonElement | undefined;
    return { fixture, el, rows, button, settle, pendingDeliveries, retryDelivery, listChanged };
  }

  it('lists each pending delivery with recipient, report, attempts, the last error and the next attempt, paged by tk-pager', async () => {
    const failing = row(1, { attempts: 3, lastError: 'Sở Nội vụ tỉnh Đông Hòa đang tạm ngừng nhận văn bản qua hệ thống; sẽ gửi lại.' });
    const first = [failing, ...Array.from({ length: 19 }, (_, i) => row(i + 2))];
    const v = await render(async (q) => (q['offset'] === 20 ? page([row(21), row(22)], 22, 20) : page(first, 22)));
    expect(v.pendingDeliveries).toHaveBeenCalledWith({ failing: undefined, limit: 20, offset: 0 });
    expect(v.el.querySelector('[data-testid="pending-total"]')?.textContent).toContain('22 lần gửi còn chờ');
    expect(v.el.querySelector('[data-testid="pending-total"]')?.textContent).toContain('Hiển thị 20 / 22');
    const rows = v.rows();
    expect(rows).toHaveLength(20);
    expect(rows[0]).toEqual([
      '1/BC-UBND — Báo cáo công tác CCHC số 1',
      SNV.name,
      formatDateTime('2026-12-01T01:00:00.000Z'),
      '3',
      'Sở Nội vụ tỉnh Đông Hòa đang tạm ngừng nhận văn bản qua hệ thống; sẽ gửi lại.',
      formatDateTime(future),
    ]);
    expect(rows[1][3]).toBe('0');
    expect(rows[1][4]).toBe('Chưa thử gửi');
    expect(v.el.querySelector('a')?.getAttribute('href')).toBe('/bao-cao/r-1');
    // Not the văn thư: no manual retry, the outbox retries by itself.
    expect(v.button('Gửi lại ngay')).toBeUndefined();
    expect(v.el.textContent).toContain('Hệ thống tự động gửi lại');

    expect(v.el.querySelector('[data-testid="pager"] [role="status"]')?.textContent).toBe('1–20 / 22');
    v.button('Trang sau')?.click();
    await v.settle();
    expect(v.pendingDeliveries).toHaveBeenLastCalledWith({ failing: undefined, limit: 20, offset: 20 });
    expect(v.rows().map((r) => r[0])).toEqual(['21/BC-UBND — Báo cáo công tác CCHC số 21', '22/BC-UBND — Báo cáo công tác CCHC số 22']);
    expect(v.el.querySelector('[data-testid="pager"] [role="status"]')?.textContent).toBe('21–22 / 22');
  });

  it('narrows to failed deliveries from the first page, and says so when there are none', async () => {
    const v = await render(async (q) => (q['failing'] === 'true' ? page([], 0) : page([row(1)], 1)));
    expect(v.rows()).toHaveLength(1);
    expect(v.el.querySelector('[data-testid="pager"]')).toBeNull(); // one page: no pager
    (v.el.querySelector('[data-testid="pending-failing"] input') as HTMLInputElement).click();
    await v.settle();
    expect(v.pendingDeliveries).toHaveBeenLastCalledWith({ failing: 'true', limit: 20, offset: 0 });
    expect(v.rows()).toHaveLength(0);
    expect(v.el.querySelector('[data-testid="pending-empty"]')?.textContent?.trim()).toBe('Không có lần gửi nào bị lỗi.');
  });

  it('shows a due attempt as "Sắp thử lại", reloads on a live change, and shows a failed load in Vietnamese', async () => {
    let fail = false;
    const v = await render(async () => {
      if (fail) throw new HttpErrorResponse({ status: 503, error: { message: 'Cơ sở dữ liệu tạm thời không phản hồi.' } });
      return page(
        [row(1, { attempts: 1, lastError: 'Bản PDF ban hành chưa được lưu; sẽ gửi lại.', nextAttemptAt: '2020-01-01T00:00:00.000Z' })],
        1,
      );
    });
    expect(v.rows()[0][5]).toBe('Sắp thử lại');
    fail = true;
    v.listChanged.set(1);
    await v.settle();
    expect(v.pendingDeliveries).toHaveBeenCalledTimes(2);
    expect(v.el.querySelector('[role="alert"]')?.textContent).toContain('Cơ sở dữ liệu tạm thời không phản hồi.');
  });

  it('the văn thư sends one again at once and reads the outcome: landed, or still failing with the reason', async () => {
    let landed = false;
    const v = await render(async () => (landed ? page([], 0) : page([row(1, { attempts: 2, lastError: 'tạm ngừng nhận' }), row(2)], 2)), {
      roles: ['clerk'],
      retryDelivery: async (id) => {
        if (id === 'r-2')
          return {
            status: 'pending',
            lastError: 'Sở Nội vụ tỉnh Đông Hòa đang tạm ngừng nhận văn bản qua hệ thống; sẽ gửi lại.',
            receiver: SNV,
          };
        landed = true;
        return { status: 'arrived', lastError: null, receiver: SNV };
      },
    });
    const buttons = () => Array.from(v.el.querySelectorAll('[data-testid="pending-delivery"] button')) as HTMLButtonElement[];
    expect(buttons().map((b) => b.textContent?.trim())).toEqual(['Gửi lại ngay', 'Gửi lại ngay']);
    buttons()[1].click();
    await v.settle();
    expect(v.retryDelivery).toHaveBeenLastCalledWith('r-2');
    expect(v.el.querySelector('[data-testid="retry-outcome"]')?.textContent).toContain(
      'Chưa gửi được 2/BC-UBND: Sở Nội vụ tỉnh Đông Hòa đang tạm ngừng',
    );
    buttons()[0].click();
    await v.settle();
    expect(v.el.querySelector('[data-testid="retry-outcome"]')?.textContent?.trim()).toBe(`Đã gửi 1/BC-UBND đến ${SNV.name}.`);
    expect(v.pendingDeliveries).toHaveBeenCalledTimes(3); // reloaded after each retry
    expect(v.el.querySelector('[data-testid="pending-empty"]')?.textContent?.trim()).toBe('Mọi báo cáo đã gửi đều đã đến nơi nhận.');
  });
});
