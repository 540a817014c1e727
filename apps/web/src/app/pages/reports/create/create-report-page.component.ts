import { Component } from '@angular/core';

@Component({
  selector: 'tk-create-report-page',
  template: '<div class="tk-page"><h1>Mở báo cáo mới</h1><p class="tk-muted">Đang xây dựng.</p></div>',
})
export class CreateReportPageComponent {}
