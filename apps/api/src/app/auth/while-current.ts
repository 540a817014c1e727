import { type Observable, concatMap, from, map, takeWhile } from 'rxjs';

/**
 * A long-lived stream (server-sent events) that checks, before delivering each item, that its user
 * is still current (exists, active, same organisation): the first item after a deactivation is not
 * delivered and the stream ends. Merge a periodic item (keep-alive ping) into `source` so a quiet
 * stream ends too.
 */
export function whileCurrent<T>(source: Observable<T>, stillCurrent: () => Promise<boolean>): Observable<T> {
  return source.pipe(
    concatMap((item) => from(stillCurrent()).pipe(map((ok) => ({ ok, item })))),
    takeWhile((x) => x.ok),
    map((x) => x.item),
  );
}
