import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('HTTP platform', () => {
  it('publishes an OpenAPI 3.1 document with every API route', async () => {
    const response = await t.app.inject('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const doc = response.json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    const routes = t.app
      .printRoutes({ commonPrefix: false })
      .split('\n')
      .filter((line) => line.includes('/api/'));
    expect(routes.length).toBeGreaterThan(0);
    for (const path of [
      '/api/health',
      '/api/ready',
      '/api/units',
      '/api/units/search',
      '/api/units/{code}',
      '/api/units/{code}/successors',
      '/api/agencies',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });

  it('serves the API docs page', async () => {
    const response = await t.app.inject('/api/docs/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });

  it('answers unknown API routes with the JSON error body', async () => {
    const response = await t.app.inject({ method: 'DELETE', url: '/api/units/00004', headers: { 'accept-language': 'en' } });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND', message: 'There is no route DELETE /api/units/00004.' });
  });

  it('keeps a well-formed caller request id and replaces a malformed one', async () => {
    const kept = await t.app.inject({ url: '/api/health', headers: { 'x-request-id': 'proxy-1234abcd' } });
    expect(kept.headers['x-request-id']).toBe('proxy-1234abcd');
    const replaced = await t.app.inject({ url: '/api/health', headers: { 'x-request-id': 'bad id\n' } });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets security headers and forbids caching API answers', async () => {
    const response = await t.app.inject({ url: '/api/units', headers: await t.readerHeaders() });
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(String(response.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });

  it('never answers 500 to hostile query strings', async () => {
    const hostile = ["'; DROP TABLE admin_unit; --", '%00', '\u0000', '__proto__', '{"$gt":""}', '🙂'.repeat(30), '%'];
    for (const value of hostile) {
      for (const url of [
        `/api/units/search?q=${encodeURIComponent(value)}`,
        `/api/units?parent=${encodeURIComponent(value)}`,
        `/api/units/${encodeURIComponent(value)}`,
        `/api/units?at=${encodeURIComponent(value)}`,
      ]) {
        const response = await t.app.inject({ url, headers: await t.readerHeaders() });
        expect(response.statusCode, url).toBeLessThan(500);
        if (response.statusCode >= 400) expect(response.json(), url).toHaveProperty('code');
        else expect(response.json(), url).toHaveProperty('items');
      }
    }
    const still = await t.app.inject({ url: '/api/units?parent=01', headers: await t.readerHeaders() });
    expect((still.json() as { items: unknown[] }).items).toHaveLength(126);
  });
});

describe('web assets', () => {
  it('serves the app at / and at deep links, hashed assets for a year, and the JSON 404 under /api', async () => {
    const { mkdtemp, mkdir, writeFile, rm } = await import('node:fs/promises');
    const os = await import('node:os');
    const path = await import('node:path');
    const { buildApp } = await import('../src/server/app');
    const { loadConfig } = await import('../src/server/config');
    // A stand-in for dist/web, so this test does not depend on a build having run.
    const webDistDir = await mkdtemp(path.join(os.tmpdir(), 'pcmt-web-'));
    await mkdir(path.join(webDistDir, 'assets'));
    await writeFile(path.join(webDistDir, 'index.html'), '<!doctype html><div id="root"></div>');
    await writeFile(path.join(webDistDir, 'assets', 'main-abc123.js'), 'console.log(1)');
    const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), webDistDir };
    const app = await buildApp({ ...t.app.deps, config }, { serveWeb: true });
    try {
      for (const url of ['/', '/units?q=ba%20dinh&code=00004', '/agencies']) {
        const response = await app.inject(url);
        expect(response.statusCode, url).toBe(200);
        expect(response.headers['content-type'], url).toContain('text/html');
        expect(response.headers['cache-control'], url).toBe('no-cache');
        expect(response.body, url).toContain('<div id="root">');
      }
      const asset = await app.inject('/assets/main-abc123.js');
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const api = await app.inject('/api/khong-co');
      expect(api.statusCode).toBe(404);
      expect(api.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
      const traversal = await app.inject('/..%2f..%2fpackage.json');
      expect(traversal.body).not.toContain('"dependencies"');
    } finally {
      await app.close();
      await rm(webDistDir, { recursive: true, force: true });
    }
  });
});
