/**
 * The one place that reaches into XState's internals: `pureTransition` reuses the scope XState's
 * public `transition()` builds per call (a copy of xstate 5's private `createInertActorScope`).
 * Pinned to the XState version by xstate-transition.spec.ts, which also checks that it gives the same
 * snapshot and actions as the public `transition()`; on an XState upgrade, rerun that test first.
 */
import {
  type AnyActorScope,
  type AnyStateMachine,
  type EventFrom,
  type ExecutableActionsFrom,
  type SnapshotFrom,
  createActor,
} from 'xstate';
import type { ReportMachine, SectionMachine } from './machines';

/**
 * XState's `transition()` without its per-call cost: XState builds an inert actor scope for every
 * call (an Actor whose constructor computes an initial snapshot — for the section machine, without
 * input, by throwing and catching an error). Our machines spawn and invoke nothing, so one scope per
 * machine is reused; the call is synchronous and its action collector is swapped in for its duration.
 */
const scopes = new WeakMap<object, AnyActorScope>();

export function pureTransition<M extends ReportMachine | SectionMachine>(
  machine: M,
  snapshot: SnapshotFrom<M>,
  event: EventFrom<M>,
): [SnapshotFrom<M>, ExecutableActionsFrom<M>[]] {
  let scope = scopes.get(machine);
  if (!scope) {
    scope = inertScope(machine as unknown as AnyStateMachine);
    scopes.set(machine, scope);
  }
  const actions: ExecutableActionsFrom<M>[] = [];
  const previous = scope.actionExecutor;
  scope.actionExecutor = (a) => void actions.push(a as ExecutableActionsFrom<M>);
  try {
    const next = (machine as unknown as AnyStateMachine).transition(snapshot as never, event as never, scope) as SnapshotFrom<M>;
    return [next, actions];
  } finally {
    scope.actionExecutor = previous;
  }
}

/** The scope XState's `transition()` creates (the fields of xstate 5's `createInertActorScope`). */
function inertScope(machine: AnyStateMachine): AnyActorScope {
  const self = createActor(machine);
  return {
    self,
    defer: () => undefined,
    id: '',
    logger: () => undefined,
    sessionId: '',
    stopChild: () => undefined,
    system: self.system,
    emit: () => undefined,
    actionExecutor: () => undefined,
  };
}
