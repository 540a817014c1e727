import { Route } from '@angular/router';
import { authGuard, roleGuard } from './core/auth.guard';

export const appRoutes: Route[] = [
  {
    path: 'dang-nhap',
    title: 'Đăng nhập — Trình Ký',
    loadComponent: () => import('./pages/auth/login/login-page.component').then((m) => m.LoginPageComponent),
  },
  {
    path: '',
    canActivate: [authGuard],
    loadComponent: () => import('./layout/shell.component').then((m) => m.ShellComponent),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'viec-cua-toi' },
      {
        path: 'viec-cua-toi',
        title: 'Việc của tôi — Trình Ký',
        loadComponent: () => import('./pages/work/inbox/inbox-page.component').then((m) => m.InboxPageComponent),
      },
      {
        path: 'bao-cao',
        title: 'Báo cáo — Trình Ký',
        loadComponent: () => import('./pages/reports/list/reports-page.component').then((m) => m.ReportsPageComponent),
      },
      {
        path: 'bao-cao/tao-moi',
        title: 'Mở báo cáo mới — Trình Ký',
        canActivate: [roleGuard('compiler', 'head')],
        loadComponent: () => import('./pages/reports/create/create-report-page.component').then((m) => m.CreateReportPageComponent),
      },
      {
        path: 'bao-cao/nhap',
        title: 'Nhập báo cáo có sẵn — Trình Ký',
        canActivate: [roleGuard('compiler', 'head')],
        loadComponent: () => import('./pages/reports/import/import-report-page.component').then((m) => m.ImportReportPageComponent),
      },
      {
        path: 'bao-cao/:id',
        title: 'Báo cáo — Trình Ký',
        loadComponent: () => import('./pages/reports/detail/report-page.component').then((m) => m.ReportPageComponent),
      },
      {
        path: 'bao-cao/:id/phan/:sectionId',
        title: 'Soạn phần báo cáo — Trình Ký',
        loadComponent: () => import('./pages/sections/editor/section-page.component').then((m) => m.SectionPageComponent),
      },
      {
        path: 'so-van-ban-di',
        title: 'Sổ văn bản đi — Trình Ký',
        loadComponent: () => import('./pages/register/outgoing/register-page.component').then((m) => m.RegisterPageComponent),
      },
      {
        path: 'so-van-ban-den',
        title: 'Sổ văn bản đến — Trình Ký',
        loadComponent: () => import('./pages/register/incoming/incoming-page.component').then((m) => m.IncomingPageComponent),
      },
      {
        path: 'yeu-cau-bao-cao',
        title: 'Yêu cầu báo cáo — Trình Ký',
        loadComponent: () => import('./pages/requests/requests-page.component').then((m) => m.RequestsPageComponent),
      },
      {
        path: 'yeu-cau-bao-cao/:id',
        title: 'Yêu cầu báo cáo — Trình Ký',
        loadComponent: () => import('./pages/requests/request-detail-page.component').then((m) => m.RequestDetailPageComponent),
      },
      {
        path: 'theo-doi',
        title: 'Theo dõi — Trình Ký',
        loadComponent: () => import('./pages/tracking/board/tracking-page.component').then((m) => m.TrackingPageComponent),
      },
      {
        path: 'quan-tri',
        title: 'Quản trị — Trình Ký',
        canActivate: [roleGuard('admin')],
        loadComponent: () => import('./pages/admin/overview/admin-page.component').then((m) => m.AdminPageComponent),
      },
    ],
  },
  { path: '**', redirectTo: 'viec-cua-toi' },
];
