import { Component } from '@angular/core';

@Component({
  selector: 'tk-admin-page',
  template: '<div class="tk-page"><h1>Quản trị</h1><p class="tk-muted">Đang xây dựng.</p></div>',
})
export class AdminPageComponent {}
