import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { CommentDialogComponent } from './comment-dialog.component';

describe('CommentDialogComponent', () => {
  async function open(commentRequired: boolean) {
    const close = jest.fn();
    await TestBed.configureTestingModule({
      imports: [CommentDialogComponent],
      providers: [
        { provide: MAT_DIALOG_DATA, useValue: { title: 'Trả lại', commentRequired, confirmLabel: 'Trả lại' } },
        { provide: MatDialogRef, useValue: { close } },
      ],
    }).compileComponents();
    const fixture = TestBed.createComponent(CommentDialogComponent);
    await fixture.whenStable();
    return { fixture, close, el: fixture.nativeElement as HTMLElement };
  }

  it('refuses to confirm without the required comment', async () => {
    const { fixture, close, el } = await open(true);
    el.querySelector<HTMLButtonElement>('[data-testid="confirm-action"]')?.click();
    fixture.detectChanges();
    expect(close).not.toHaveBeenCalled();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('Vui lòng nhập ý kiến');
    const area = el.querySelector('textarea') as HTMLTextAreaElement;
    area.value = '  Số liệu mục 2 chưa khớp  ';
    area.dispatchEvent(new Event('input'));
    el.querySelector<HTMLButtonElement>('[data-testid="confirm-action"]')?.click();
    expect(close).toHaveBeenCalledWith({ comment: 'Số liệu mục 2 chưa khớp' });
  });

  it('confirms without a comment when none is required', async () => {
    const { close, el } = await open(false);
    el.querySelector<HTMLButtonElement>('[data-testid="confirm-action"]')?.click();
    expect(close).toHaveBeenCalledWith({ comment: '' });
  });
});
