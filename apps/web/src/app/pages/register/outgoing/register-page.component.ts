import { Component } from '@angular/core';

@Component({
  selector: 'tk-register-page',
  template: '<div class="tk-page"><h1>Sổ văn bản đi</h1><p class="tk-muted">Đang xây dựng.</p></div>',
})
export class RegisterPageComponent {}
