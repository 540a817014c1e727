import { Component } from '@angular/core';

@Component({
  selector: 'tk-section-page',
  template: '<div class="tk-page"><h1>Soạn phần báo cáo</h1><p class="tk-muted">Đang xây dựng.</p></div>',
})
export class SectionPageComponent {}
