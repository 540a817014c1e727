import { Component } from '@angular/core';

@Component({
  selector: 'tk-tracking-page',
  template: '<div class="tk-page"><h1>Theo dõi</h1><p class="tk-muted">Đang xây dựng.</p></div>',
})
export class TrackingPageComponent {}
