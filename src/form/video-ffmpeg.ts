/**
 * Frame decoding for the command line (an adapter around the pure form core): Debian's ffmpeg reads the
 * clip and writes raw RGB frames to a pipe, scaled down so that the longer side is at most `maxSidePx`
 * (the pose model sees a 192-pixel crop, so full HD frames would only cost time). ffprobe reads the size,
 * rotation and frame rate first. Chosen over the headless Chromium after measuring both (README, "Running
 * form from a video"). ffmpeg is a system dependency: missing, it is an expected failure with one line.
 */
import { spawn } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { badInput } from '../errors.js';
import type { RgbFrame } from './pose-node.js';

/** The ffmpeg and ffprobe executables: `BACKSTRIDE_FFMPEG` (ffprobe beside it) or the ones on the PATH. */
export function ffmpegPaths(): { ffmpeg: string; ffprobe: string } {
  const ffmpeg = process.env.BACKSTRIDE_FFMPEG ?? 'ffmpeg';
  return { ffmpeg, ffprobe: ffmpeg.replace(/ffmpeg(\.exe)?$/, 'ffprobe$1') };
}

/** The one-line message when ffmpeg is not installed. */
export const FFMPEG_MISSING =
  'reading a video needs ffmpeg, which is not installed (on Debian or Ubuntu: sudo apt-get install ffmpeg)';

export interface VideoInfo {
  /** Size of the decoded frames (after rotation and scaling). */
  widthPx: number;
  heightPx: number;
  fps: number;
  durationS: number;
}

type Run = { code: number | null; stdout: Buffer; stderr: string };

/** Run a program to its end, with `input` on its standard input when given. */
function run(cmd: string, args: string[], input?: Uint8Array): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    if (input && child.stdin) {
      // A program that stops reading early says why in its exit code and stderr.
      child.stdin.on('error', () => undefined);
      child.stdin.end(input);
    }
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout?.on('data', (b: Buffer) => out.push(b));
    child.stderr?.on('data', (b: Buffer) => {
      stderr += b.toString();
    });
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? badInput(FFMPEG_MISSING) : error),
    );
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr }));
  });
}

const notAVideo = (file: string) => badInput(`${file} is not a video that can be read`, 'video');

/** A frame rate as ffprobe writes it ("30000/1001"). */
function rate(text: string | undefined): number {
  const [n, d] = (text ?? '').split('/').map(Number);
  const fps = (n ?? 0) / (d || 1);
  return Number.isFinite(fps) && fps > 0 && fps <= 1000 ? fps : 0;
}

/**
 * The clip's decoded frame size, frame rate and length, with the longer side scaled to at most `maxSidePx`.
 * @throws BackstrideError (bad-input) for a missing or unreadable file, one without video, or no ffmpeg.
 */
export async function probeVideo(file: string, maxSidePx: number): Promise<VideoInfo> {
  try {
    await access(file, constants.R_OK);
  } catch {
    throw badInput(`cannot read ${file}`, 'video');
  }
  const probe = await run(ffmpegPaths().ffprobe, [
    '-v',
    'error',
    '-select_streams',
    'v:0',
    '-show_entries',
    'stream=width,height,avg_frame_rate,r_frame_rate,duration:stream_side_data=rotation:format=duration',
    '-of',
    'json',
    file,
  ]);
  if (probe.code !== 0) throw notAVideo(file);
  const json = JSON.parse(probe.stdout.toString() || '{}') as {
    streams?: {
      width?: number;
      height?: number;
      avg_frame_rate?: string;
      r_frame_rate?: string;
      duration?: string;
      side_data_list?: { rotation?: number }[];
    }[];
    format?: { duration?: string };
  };
  const stream = json.streams?.[0];
  if (!stream?.width || !stream.height) throw notAVideo(file);
  const rotation = Math.abs(stream.side_data_list?.find((s) => s.rotation !== undefined)?.rotation ?? 0);
  const [w, h] =
    rotation === 90 || rotation === 270 ? [stream.height, stream.width] : [stream.width, stream.height];
  const scale = Math.min(1, maxSidePx / Math.max(w, h));
  // Even sizes, as ffmpeg's scaler is asked for below (-2 would round differently on odd sizes).
  const even = (v: number) => Math.max(2, 2 * Math.round((v * scale) / 2));
  const fps = rate(stream.avg_frame_rate) || rate(stream.r_frame_rate);
  if (!fps) throw notAVideo(file);
  return {
    widthPx: even(w),
    heightPx: even(h),
    fps,
    durationS: Number(stream.duration ?? json.format?.duration ?? 0) || 0,
  };
}

/** Decoded frames held ahead of the consumer, at most (a 360×640 frame is 0.7 MB). */
const READ_AHEAD_FRAMES = 12;

/**
 * The clip's frames in order, as RGB at the probed size, with their times in seconds. With `step` > 1 only
 * every `step`-th frame is converted and sent (ffmpeg still decodes them all, as later frames need them).
 * Frames are read ahead into a small queue, so ffmpeg decodes while the caller works on earlier frames
 * (left to the 64 KB pipe, it would wait for every read).
 * @example for await (const { frame, tS } of decodeFrames(file, info, 2)) …
 */
export async function* decodeFrames(
  file: string,
  info: VideoInfo,
  step = 1,
): AsyncGenerator<{ frame: RgbFrame; tS: number; index: number }> {
  const filters = [`scale=${info.widthPx}:${info.heightPx}:flags=area`];
  if (step > 1) filters.unshift(`select='not(mod(n\\,${step}))'`);
  const child = spawn(
    ffmpegPaths().ffmpeg,
    [
      '-v',
      'error',
      '-nostdin',
      '-i',
      file,
      '-an',
      '-vf',
      filters.join(','),
      // One output frame per selected input frame (no duplicating to a constant rate).
      '-fps_mode',
      'passthrough',
      '-pix_fmt',
      'rgb24',
      '-f',
      'rawvideo',
      'pipe:1',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => {
    stderr += b.toString();
  });
  const size = info.widthPx * info.heightPx * 3;
  const queue: Uint8Array[] = [];
  let current = new Uint8Array(size);
  let filled = 0;
  let ended = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  child.stdout.on('data', (chunk: Buffer) => {
    let at = 0;
    while (at < chunk.length) {
      const n = Math.min(size - filled, chunk.length - at);
      current.set(chunk.subarray(at, at + n), filled);
      filled += n;
      at += n;
      if (filled === size) {
        queue.push(current);
        current = new Uint8Array(size);
        filled = 0;
      }
    }
    if (queue.length >= READ_AHEAD_FRAMES) child.stdout.pause();
    notify();
  });
  child.on('error', (error: NodeJS.ErrnoException) => {
    failure = error.code === 'ENOENT' ? badInput(FFMPEG_MISSING) : error;
    notify();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      ended = true;
      notify();
      resolve(code);
    }),
  );
  let sent = 0;
  try {
    while (true) {
      if (failure) throw failure;
      const rgb = queue.shift();
      if (rgb) {
        if (queue.length < READ_AHEAD_FRAMES / 2) child.stdout.resume();
        const index = sent * step;
        yield { frame: { widthPx: info.widthPx, heightPx: info.heightPx, rgb }, tS: index / info.fps, index };
        sent++;
        continue;
      }
      if (ended) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
    const code = await exited;
    if (code !== 0 && sent === 0) throw notAVideo(file);
    if (code !== 0) throw new Error(`ffmpeg stopped with code ${code}: ${stderr.trim().split('\n')[0]}`);
  } finally {
    if (child.exitCode === null) child.kill();
  }
}

/**
 * One frame of the clip at `tS` seconds, as RGB at the probed size (for key frames, after the analysis).
 * @throws BackstrideError (bad-input) when ffmpeg is missing; Error when no frame comes back.
 */
export async function frameAt(file: string, info: VideoInfo, tS: number): Promise<RgbFrame> {
  const out = await run(ffmpegPaths().ffmpeg, [
    '-v',
    'error',
    '-nostdin',
    // Before -i: a fast seek to the key frame before, then decoded up to the exact time.
    '-ss',
    tS.toFixed(3),
    '-i',
    file,
    '-an',
    '-frames:v',
    '1',
    '-vf',
    `scale=${info.widthPx}:${info.heightPx}:flags=area`,
    '-pix_fmt',
    'rgb24',
    '-f',
    'rawvideo',
    'pipe:1',
  ]);
  const size = info.widthPx * info.heightPx * 3;
  if (out.code !== 0 || out.stdout.length < size)
    throw new Error(`ffmpeg gave no frame at ${tS.toFixed(2)} s: ${out.stderr.trim().split('\n')[0] ?? ''}`);
  return {
    widthPx: info.widthPx,
    heightPx: info.heightPx,
    rgb: new Uint8Array(out.stdout.subarray(0, size)),
  };
}

/** RGB pixels as a JPEG picture, encoded by ffmpeg (quality 5 of 2–31: small, and clear enough). */
export async function encodeJpeg(frame: RgbFrame): Promise<Buffer> {
  const out = await run(
    ffmpegPaths().ffmpeg,
    [
      '-v',
      'error',
      '-nostdin',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgb24',
      '-s',
      `${frame.widthPx}x${frame.heightPx}`,
      '-i',
      'pipe:0',
      '-frames:v',
      '1',
      '-q:v',
      '5',
      '-f',
      'image2pipe',
      '-c:v',
      'mjpeg',
      'pipe:1',
    ],
    frame.rgb,
  );
  if (out.code !== 0 || out.stdout.length === 0)
    throw new Error(`ffmpeg could not encode a picture: ${out.stderr.trim().split('\n')[0] ?? ''}`);
  return out.stdout;
}
