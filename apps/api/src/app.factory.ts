import { type INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { json, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import { validationExceptionFactory } from './common/errors/validation';
import { PinoNestLogger } from './common/logger';
import { clientAddressGuard } from './common/http/client-address';
import { inputGuard } from './common/http/input-guard';
import { ProblemFilter, problemHandler } from './common/http/problem.filter';
import { requestContext } from './common/http/request-context';
import type { AppConfig } from './config/config';
import { setupOpenApi } from './openapi/openapi';

export const API_PREFIX = 'api';

/** Everything between "make a Nest app" and "listen", shared by main.ts, the CLI and tests. */
export async function createApp(config: AppConfig, logger: Logger, options: { preview?: boolean } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
    abortOnError: false,
    preview: options.preview ?? false,
  });
  // Exactly the configured proxies (TRUST_PROXY; default: the web app's /api proxy on loopback).
  app.set('trust proxy', config.trustProxy);
  // Every answer is no-store (below), so Express's automatic body-hash ETag would only cost a SHA-1
  // per response; the study's revision ETag is set explicitly and stays.
  app.set('etag', false);
  app.setGlobalPrefix(API_PREFIX);
  app.use(requestContext(logger));
  app.use(clientAddressGuard(logger));
  const https = config.publicUrl.startsWith('https:');
  // On plain-http local installs, HSTS and upgrade-insecure-requests would break the site itself.
  app.use(helmet({ hsts: https, contentSecurityPolicy: { directives: { upgradeInsecureRequests: https ? [] : null } } }));
  // Answers are per person and per moment (states, results, exports): no shared or browser cache
  // may keep them. A handler that wants caching sets its own header after this.
  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(cookieParser());
  app.use(json({ limit: config.bodyLimitBytes }));
  app.use(inputGuard());
  // body-parser errors happen before routing; answer them as problem+json right here.
  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => (error ? problemHandler(logger)(error, req, res) : next()));
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
      exceptionFactory: validationExceptionFactory,
    }),
  );
  app.useGlobalFilters(new ProblemFilter(logger));
  setupOpenApi(app, config.apiDocs, logger);
  app.enableShutdownHooks();
  return app;
}
