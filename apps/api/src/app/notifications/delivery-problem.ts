/**
 * A delivery that cannot happen yet for a reason the sender's staff should read as it is (in Vietnamese):
 * the receiver has paused its incoming register, the issued PDF is not stored yet. Anything else that
 * fails a delivery is a technical error: the sender sees a Vietnamese sentence with the detail after it.
 */
export class DeliveryProblem extends Error {}

/** What a pending delivery shows as its last error (Gửi chưa đến nơi nhận), at most 2 000 characters. */
export function deliveryErrorText(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const text = e instanceof DeliveryProblem ? message : `Lỗi kỹ thuật khi gửi; hệ thống sẽ tự gửi lại. Chi tiết: ${message}`;
  return text.slice(0, 2000);
}
