import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { UrlListState } from './url-list-state';

interface Filter {
  q: string;
  period: string;
  overdue: boolean;
}
const EMPTY: Filter = { q: '', period: '', overdue: false };

@Component({ selector: 'tk-host', template: '' })
class HostComponent {
  loads = 0;
  readonly list = new UrlListState<Filter>(EMPTY, () => this.loads++);
}

describe('UrlListState (a filtered, paged list kept in the URL)', () => {
  async function host(url: string) {
    TestBed.configureTestingModule({ providers: [provideRouter([{ path: 'bao-cao', component: HostComponent }])] });
    const router = TestBed.inject(Router);
    await router.navigateByUrl(url);
    const fixture = TestBed.createComponent(HostComponent);
    const query = () => new URL(router.url, 'http://x').searchParams;
    return { list: fixture.componentInstance.list, component: fixture.componentInstance, query, router };
  }
  const settle = () => new Promise((r) => setTimeout(r, 0));

  it('reads the filter and the offset from the URL, switches as booleans', async () => {
    const v = await host('/bao-cao?q=cai%20cach&overdue=true&offset=100');
    expect(v.list.filter()).toEqual({ q: 'cai cach', period: '', overdue: true });
    expect(v.list.offset()).toBe(100);
  });

  it('a new filter goes back to the first page, writes only what is set into the URL and reloads', async () => {
    const v = await host('/bao-cao?offset=50');
    v.list.set('period', '2026-Q4');
    await settle();
    expect(v.list.offset()).toBe(0);
    expect(v.component.loads).toBe(1);
    expect(Object.fromEntries(v.query())).toEqual({ period: '2026-Q4' });
    v.list.goTo(150);
    v.list.set('overdue', true);
    v.list.goTo(50);
    await settle();
    expect(Object.fromEntries(v.query())).toEqual({ period: '2026-Q4', overdue: 'true', offset: '50' });
    v.list.clear();
    await settle();
    expect(v.list.filter()).toEqual(EMPTY);
    expect([...v.query().keys()]).toEqual([]);
    expect(v.component.loads).toBe(5);
  });

  it('typing in the search box asks once, when the typing pauses', async () => {
    jest.useFakeTimers();
    try {
      const v = await host('/bao-cao');
      for (const q of ['c', 'ca', 'cai']) v.list.set('q', q);
      expect(v.component.loads).toBe(0);
      jest.advanceTimersByTime(300);
      expect(v.component.loads).toBe(1);
      expect(v.list.filter().q).toBe('cai');
    } finally {
      jest.useRealTimers();
    }
  });

  it('only the newest load may show its answer', async () => {
    const v = await host('/bao-cao');
    const first = v.list.begin();
    const second = v.list.begin();
    expect(first()).toBe(false);
    expect(second()).toBe(true);
  });
});
