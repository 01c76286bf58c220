#!/usr/bin/env node
// Benchmark: running form from a video, on the treadmill fixture (12 s, 30 fps, 720×1280), in Node and in
// headless Chromium. Frame decoding (ffmpeg to RGB on a pipe; Chromium seeking a <video> and drawing each
// frame to a canvas) and MoveNet Lightning inference (tfjs WebAssembly, a 192×192 crop around the runner)
// in ms per frame, then the whole `backstride form` pipeline with one and two pose threads. Prints whether
// a 12 s, 30 fps clip is analysed in less than its own length. Nothing comes from the network: fetch is
// blocked in Node, and the Chromium page gets every file from a local server (the rest is aborted).
// Figures on a shared machine vary with its load: the load average is printed with them, and CPU time
// (which another process's load disturbs less) beside wall time.
//
//   npm run bench:form                  (builds first)
//   CLIP=path/to/clip.mp4 node scripts/bench-form.mjs
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const CLIP = process.env.CLIP ?? join(root, '../shared/fixtures/running-video/treadmill-side-male.mp4');
if (!existsSync(CLIP)) {
  console.log(`No clip at ${CLIP}: set CLIP=path/to/clip.mp4`);
  process.exit(0);
}
globalThis.fetch = () => {
  throw new Error('no network: everything must load from local files');
};
const { probeVideo, decodeFrames } = await import(join(root, 'dist/form/video-ffmpeg.js'));
const { loadPoseEstimator } = await import(join(root, 'dist/form/pose-node.js'));
const { analyseVideo, frameStep } = await import(join(root, 'dist/form/analyse-video.js'));
const { CHROMIUM_ARGS } = await import(join(root, 'dist/report/pdf.js'));

const load = () => loadavg()[0].toFixed(1);
const ms = (v) => `${v.toFixed(1)} ms`;
const info = await probeVideo(CLIP, 640);
const clipS = info.durationS;
console.log(
  `Clip: ${CLIP.split('/').pop()}, ${clipS.toFixed(1)} s at ${info.fps} fps, decoded at ${info.widthPx}×${info.heightPx}; load average ${load()} on this machine`,
);

// 1. Node: ffmpeg decoding alone (the frames are only counted).
{
  const started = performance.now();
  let n = 0;
  for await (const _ of decodeFrames(CLIP, info)) n++;
  const total = performance.now() - started;
  console.log(
    `Node decode (ffmpeg, RGB on a pipe): ${n} frames, ${ms(total / n)} a frame, ${(total / 1000).toFixed(1)} s in all`,
  );
  const step = frameStep(info.fps);
  const t0 = performance.now();
  let kept = 0;
  for await (const _ of decodeFrames(CLIP, info, step)) kept++;
  const s = (performance.now() - t0) / 1000;
  console.log(
    `Node decode, every ${step}. frame converted and sent (as the pipeline does): ${kept} frames, ${s.toFixed(1)} s in all`,
  );
}

// 2. Node: MoveNet on every analysed frame, in this thread.
{
  const pose = await loadPoseEstimator('lightning');
  const step = frameStep(info.fps);
  const frames = [];
  for await (const { frame, tS } of decodeFrames(CLIP, info, step)) frames.push({ frame, tS });
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (const { frame, tS } of frames) pose.estimate(frame, tS);
  const wall = (performance.now() - started) / frames.length;
  const cpuMs = process.cpuUsage(cpu).user / 1000 / frames.length;
  console.log(
    `Node inference (MoveNet Lightning, wasm SIMD, one thread): ${ms(wall)} a frame (CPU ${ms(cpuMs)}), ${frames.length} frames`,
  );
}

// 3. Node: the whole pipeline as `backstride form` runs it, with one and two pose threads.
for (const threads of [1, 2]) {
  const r = await analyseVideo(CLIP, { threads });
  const s = r.analysis.seconds;
  console.log(
    `Node pipeline, ${threads} pose thread${threads > 1 ? 's' : ''}: ${s.toFixed(1)} s for the ${clipS.toFixed(0)} s clip (every ${r.analysis.frameStep}. frame, ${r.analysis.framesAnalysed} frames), cadence ${r.report.cadenceSpm} spm: ${s < clipS ? 'faster than real time' : 'slower than real time'} (load average ${load()})`,
  );
}

// 4. Chromium: the same model and decoding in a page, every file from a local server.
const files = {
  '/clip.mp4': CLIP,
  '/tf.min.js': join(root, 'node_modules/@tensorflow/tfjs/dist/tf.min.js'),
  '/tf-backend-wasm.min.js': join(
    root,
    'node_modules/@tensorflow/tfjs-backend-wasm/dist/tf-backend-wasm.min.js',
  ),
  '/tfjs-backend-wasm.wasm': join(
    root,
    'node_modules/@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm',
  ),
  '/tfjs-backend-wasm-simd.wasm': join(
    root,
    'node_modules/@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm',
  ),
  '/movenet-lightning.json': join(root, 'node_modules/@vladmandic/human/models/movenet-lightning.json'),
  '/movenet-lightning.bin': join(root, 'node_modules/@vladmandic/human/models/movenet-lightning.bin'),
};
const TYPES = {
  '.mp4': 'video/mp4',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.bin': 'application/octet-stream',
};
const PAGE = `<!doctype html><meta charset="utf-8"><title>bench</title>
<video id="v" src="/clip.mp4" muted playsinline preload="auto"></video>
<script src="/tf.min.js"></script><script src="/tf-backend-wasm.min.js"></script>`;
const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (path === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
  const file = files[path];
  if (!file) return res.writeHead(404).end();
  const size = statSync(file).size;
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  // Seeking a video needs byte ranges.
  const range = /bytes=(\d+)-(\d*)/.exec(req.headers.range ?? '');
  if (range) {
    const start = Number(range[1]);
    const end = range[2] ? Number(range[2]) : size - 1;
    res.writeHead(206, {
      'content-type': type,
      'content-range': `bytes ${start}-${end}/${size}`,
      'accept-ranges': 'bytes',
      'content-length': end - start + 1,
    });
    return createReadStream(file, { start, end }).pipe(res);
  }
  res.writeHead(200, { 'content-type': type, 'content-length': size, 'accept-ranges': 'bytes' });
  createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
const browserServer = await chromium.launchServer({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [...CHROMIUM_ARGS],
});
const browser = await chromium.connect(browserServer.wsEndpoint());
try {
  const page = await browser.newPage();
  await page.route('**/*', (route) =>
    route.request().url().startsWith(base) ? route.continue() : route.abort(),
  );
  await page.goto(base);
  const result = await page.evaluate(
    async ({ width, height, fps, step }) => {
      const tf = window.tf;
      tf.wasm.setWasmPaths('/');
      await tf.setBackend('wasm');
      await tf.ready();
      const model = await tf.loadGraphModel('/movenet-lightning.json');
      tf.tidy(() => model.execute(tf.zeros([1, 192, 192, 3], 'int32')));
      const video = document.getElementById('v');
      if (video.readyState < 1)
        await new Promise((r) => video.addEventListener('loadedmetadata', r, { once: true }));
      const canvas = new OffscreenCanvas(width, height);
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      const crop = new OffscreenCanvas(192, 192);
      const cctx = crop.getContext('2d', { willReadFrequently: true });
      // Seeking is slow: the first 4 s of frames give its rate (and the model's) well enough.
      const n = Math.min(Math.floor(video.duration * fps), Math.round(4 * fps));
      let decodeMs = 0;
      let inferMs = 0;
      let inferred = 0;
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        await new Promise((r) => {
          video.addEventListener('seeked', r, { once: true });
          video.currentTime = (i + 0.5) / fps;
        });
        ctx.drawImage(video, 0, 0, width, height);
        ctx.getImageData(0, 0, width, height);
        decodeMs += performance.now() - t0;
        if (i % step) continue;
        const t1 = performance.now();
        // The centre square of the frame stands in for the crop around the runner: the model's cost is the same.
        const side = Math.min(width, height);
        cctx.drawImage(canvas, (width - side) / 2, (height - side) / 2, side, side, 0, 0, 192, 192);
        const rgba = cctx.getImageData(0, 0, 192, 192).data;
        const input = new Int32Array(192 * 192 * 3);
        for (let p = 0, q = 0; p < rgba.length; p += 4, q += 3) {
          input[q] = rgba[p];
          input[q + 1] = rgba[p + 1];
          input[q + 2] = rgba[p + 2];
        }
        tf.tidy(() => model.execute(tf.tensor4d(input, [1, 192, 192, 3], 'int32')).dataSync());
        inferMs += performance.now() - t1;
        inferred++;
      }
      // Playing instead of seeking: frames arrive at the playback rate, and faster rates drop frames.
      const played = {};
      for (const rate of [1, 2]) {
        video.currentTime = 0;
        await new Promise((r) => video.addEventListener('seeked', r, { once: true }));
        video.playbackRate = rate;
        let count = 0;
        const started = performance.now();
        const onFrame = () => {
          ctx.drawImage(video, 0, 0, width, height);
          count++;
          if (!video.ended) video.requestVideoFrameCallback(onFrame);
        };
        video.requestVideoFrameCallback(onFrame);
        await video.play();
        await new Promise((r) => video.addEventListener('ended', r, { once: true }));
        played[rate] = { frames: count, ms: performance.now() - started };
      }
      return {
        played,
        frames: n,
        decodeMs: decodeMs / n,
        inferMs: inferMs / inferred,
        inferred,
        backend: tf.getBackend(),
      };
    },
    { width: info.widthPx, height: info.heightPx, fps: info.fps, step: frameStep(info.fps) },
  );
  const rss = await chromiumRssMb(browserServer.process().pid);
  const all = Math.round(clipS * info.fps);
  const total = (result.decodeMs * all + (result.inferMs * all) / frameStep(info.fps)) / 1000;
  console.log(
    `Chromium decode (seek a <video>, draw to a canvas): ${ms(result.decodeMs)} a frame, the first ${result.frames} frames`,
  );
  for (const [rate, p] of Object.entries(result.played))
    console.log(
      `Chromium decode (play at ${rate}× and draw each frame shown): ${p.frames} of ${Math.round(clipS * info.fps)} frames in ${(p.ms / 1000).toFixed(1)} s, ${ms(p.ms / p.frames)} a frame drawn`,
    );
  console.log(
    `Chromium inference (MoveNet Lightning, ${result.backend} SIMD, one thread): ${ms(result.inferMs)} a frame, ${result.inferred} frames`,
  );
  console.log(
    `Chromium, seeking and inference one after the other (at these rates): ${total.toFixed(1)} s for the ${clipS.toFixed(0)} s clip: ${total < clipS ? 'faster than real time' : 'slower than real time'}; browser memory ${rss} MB`,
  );
  // 5. The form page itself, as a runner uses it: the built app on a real server, the clip picked, timed
  // from pressing "Analyse my form" to the result (the page's own figure).
  const dataDir = mkdtempSync(join(tmpdir(), 'backstride-bench-form-'));
  const serve = spawn(
    process.execPath,
    [join(root, 'bin/backstride'), 'serve', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  try {
    const appUrl = await new Promise((resolve, reject) => {
      let out = '';
      serve.stdout.on('data', (d) => {
        out += d;
        const m = /(https?:\/\/[^\s]+)/.exec(out);
        if (m) resolve(m[1].replace(/\/$/, ''));
      });
      serve.on('exit', (code) => reject(new Error(`backstride serve exited with ${code}`)));
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const app = await context.newPage();
    await app.goto(`${appUrl}/#/form`);
    await app.setInputFiles('#form-clip', CLIP);
    await app.getByLabel('From the side').check();
    await app.getByRole('button', { name: 'Analyse my form' }).click();
    const done = app.locator('.form-result');
    await done.waitFor({ timeout: 300_000 });
    const read = async (name) => Number(await done.getAttribute(`data-${name}`));
    const totalS = await read('total-s');
    console.log(
      `Chromium, the form page (${await read('workers')} pose workers, clip played at ${await read('workers')}×, ${await read('rate')}× at the end; ${await read('sought')} frames found by seeking): ${totalS.toFixed(1)} s for the ${clipS.toFixed(0)} s clip, the model loading included (${await read('frames')} frames, ${ms(await read('infer-ms'))} a frame in a worker, ${ms(await read('decode-ms'))} drawing a frame on the page), cadence ${await read('cadence')} spm: ${totalS < clipS ? 'faster than real time' : 'slower than real time'} (load average ${load()})`,
    );
    await context.close();
  } finally {
    serve.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
} finally {
  await browser.close();
  await browserServer.close();
  server.close();
}

/** Resident memory of a process and its children, in MB (Linux /proc). */
async function chromiumRssMb(pid) {
  const out = await new Promise((resolve) => {
    const ps = spawn('ps', ['-eo', 'pid,ppid,rss']);
    let text = '';
    ps.stdout.on('data', (d) => {
      text += d;
    });
    ps.on('close', () => resolve(text));
  });
  const rows = out
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.trim().split(/\s+/).map(Number));
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [p, pp] of rows) {
      if (!tree.has(pp) || tree.has(p)) continue;
      tree.add(p);
      grew = true;
    }
  }
  return Math.round(rows.filter(([p]) => tree.has(p)).reduce((s, [, , rss]) => s + rss, 0) / 1024);
}
