import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import { type INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import { validationExceptionFactory } from './common/errors/validation';
import { PinoNestLogger } from './common/logger';
import { clientAddressGuard } from './common/http/client-address';
import { decodedBody, jsonBody } from './common/http/body-parsing';
import { inputGuard } from './common/http/input-guard';
import { ProblemFilter, problemHandler } from './common/http/problem.filter';
import { requestContext, requestLog } from './common/http/request-context';
import type { AppConfig } from './config/config';
import { setupOpenApi } from './openapi/openapi';

export const API_PREFIX = 'api';

function trustHops(hops: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < hops;
}

function adapter(config: AppConfig, logger: Logger): FastifyAdapter {
  return new FastifyAdapter({
    // Exactly the configured proxies (TRUST_PROXY; default: the web app's /api proxy on loopback).
    // A hop count trusts that many proxies nearest the server, as Express's `trust proxy` did.
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    bodyLimit: config.bodyLimitBytes,
    // JSON.parse keeps these keys; the input guard refuses them as unknown fields, naming them.
    onProtoPoisoning: 'ignore',
    onConstructorPoisoning: 'ignore',
    // Our own request ids and logging (request-context.ts); Fastify's logger stays off.
    logger: false,
    // Express had no limit: a path segment of any length reaches its route, whose pipe refuses it.
    routerOptions: { maxParamLength: 16 * 1024 },
    // A path Fastify's router cannot decode still leaves as problem+json.
    frameworkErrors: problemHandler(logger),
  });
}

/** Everything between "make a Nest app" and "listen", shared by main.ts, the CLI and tests. */
export async function createApp(config: AppConfig, logger: Logger, options: { preview?: boolean } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config), adapter(config, logger), {
    logger: new PinoNestLogger(logger),
    // Bodies are JSON only, parsed by jsonBody below (Nest's parsers would add form bodies).
    bodyParser: false,
    abortOnError: false,
    preview: options.preview ?? false,
  });
  app.setGlobalPrefix(API_PREFIX);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', requestContext());
  fastify.addHook('onResponse', requestLog(logger));
  fastify.addHook('onRequest', clientAddressGuard());
  const https = config.publicUrl.startsWith('https:');
  // On plain-http local installs, HSTS and upgrade-insecure-requests would break the site itself.
  await app.register(fastifyHelmet, { hsts: https, contentSecurityPolicy: { directives: { upgradeInsecureRequests: https ? [] : null } } });
  // Answers are per person and per moment (states, results, exports): no shared or browser cache
  // may keep them. A handler that wants caching sets its own header after this.
  fastify.addHook('onRequest', (_req, reply, done) => {
    reply.header('Cache-Control', 'no-store');
    done();
  });
  await app.register(fastifyCookie);
  fastify.addHook('preParsing', decodedBody());
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, jsonBody);
  fastify.addHook('preValidation', inputGuard());
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
