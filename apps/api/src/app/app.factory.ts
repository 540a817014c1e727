import { type INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import express from 'express';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { AllExceptionsFilter } from './common/exceptions.filter';
import { inputPipeline } from './common/input';
import type { AppConfig } from './config';

/** Builds the Nest application (used by main.ts and by the integration tests). */
export async function createApp(config: AppConfig, dataSource: DataSource, opts: { logger?: false } = {}): Promise<INestApplication> {
  const levels = process.env['LOG_LEVEL'] === 'debug' ? (['error', 'warn', 'log', 'debug'] as const) : (['error', 'warn'] as const);
  const app = await NestFactory.create(AppModule.forRoot(config, dataSource), { bodyParser: false, logger: opts.logger === false ? false : [...levels] });
  app.setGlobalPrefix('api');
  app.use(...inputPipeline()); // body parsers, then NUL/surrogate/depth checks and NFC on path, query and body (common/input.ts)
  app.useGlobalFilters(new AllExceptionsFilter());

  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('Trình Ký API').setDescription('Quy trình báo cáo định kỳ của UBND cấp xã').setVersion('0.1').addBearerAuth().build(),
  );
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs-json' });

  if (config.webRoot) {
    const root = config.webRoot;
    app.use(express.static(root, { index: false, maxAge: '1h' }));
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' || req.path.startsWith('/api')) return next();
      res.sendFile(join(root, 'index.html'));
    });
  } else {
    Logger.warn('Chưa có bản dựng giao diện web (dist/apps/web/browser); chỉ phục vụ API.', 'Web');
  }
  return app;
}
