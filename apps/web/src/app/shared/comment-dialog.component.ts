import { Component, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

export interface CommentDialogData {
  title: string;
  /** What the action does, in a sentence. */
  description?: string;
  commentRequired: boolean;
  confirmLabel: string;
  /** Extra content (e.g. the signature block a signer confirms). */
  details?: string[];
}

/** Confirms an action, asking for a comment (required for returns, refusals, cancellation). */
@Component({
  selector: 'tk-comment-dialog',
  imports: [FormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      @if (data.description) {
        <p>{{ data.description }}</p>
      }
      @if (data.details?.length) {
        <div class="details">
          @for (line of data.details; track $index) {
            <div>{{ line }}</div>
          }
        </div>
      }
      <mat-form-field class="full">
        <mat-label>{{ data.commentRequired ? 'Ý kiến (bắt buộc)' : 'Ý kiến (không bắt buộc)' }}</mat-label>
        <textarea matInput name="comment" rows="4" [(ngModel)]="comment" [required]="data.commentRequired" cdkFocusInitial></textarea>
      </mat-form-field>
      @if (showError) {
        <p class="tk-error" role="alert">Vui lòng nhập ý kiến trước khi xác nhận.</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Hủy bỏ</button>
      <button mat-flat-button type="button" data-testid="confirm-action" (click)="confirm()">{{ data.confirmLabel }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .full {
      width: 100%;
      min-width: min(460px, 80vw);
      margin-top: 8px;
    }
    .details {
      font-weight: 700;
      text-align: center;
      padding: 8px;
      background: #f4f6f9;
      border-radius: 6px;
    }
  `,
})
export class CommentDialogComponent {
  protected readonly data = inject<CommentDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<CommentDialogComponent, { comment: string }>);
  protected comment = '';
  protected showError = false;

  confirm(): void {
    const comment = this.comment.trim();
    if (this.data.commentRequired && !comment) {
      this.showError = true;
      return;
    }
    this.ref.close({ comment });
  }
}
