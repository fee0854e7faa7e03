#!/usr/bin/env bash
# Regenerates the four demo camera clips (clip-1.mp4 .. clip-4.mp4) beside this script.
# Only ffmpeg's built-in lavfi sources are used, so the clips carry no third-party content.
# Usage: assets/demo/clips/make-clips.sh        (needs ffmpeg with libx264 and drawtext)
set -euo pipefail

cd "$(dirname "$0")"

command -v ffmpeg >/dev/null || { echo "ffmpeg not found (sudo apt-get install ffmpeg)" >&2; exit 1; }

# drawtext needs a font file; a monospaced one keeps the time code from jittering.
FONT="${FONT:-}"
if [[ -z "$FONT" ]] && command -v fc-match >/dev/null; then
  FONT="$(fc-match -f '%{file}' 'DejaVu Sans Mono:bold' || true)"
fi
[[ -f "$FONT" ]] || FONT=/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf
[[ -f "$FONT" ]] || { echo "no font for drawtext; set FONT=/path/to/font.ttf" >&2; exit 1; }

W=640
H=360
FPS=25
SECONDS_LONG=8

# Burnt-in label top-left and a running SMPTE time code (HH:MM:SS:FF) bottom-right: the frame field
# changes every frame, so a frozen picture is obvious on the wall and in tests.
overlay_text() {
  local label="$1"
  printf "drawtext=fontfile='%s':text='%s':x=12:y=12:fontsize=28:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=6," "$FONT" "$label"
  printf "drawtext=fontfile='%s':timecode='00\\:00\\:00\\:00':rate=%s:x=w-tw-12:y=h-th-12:fontsize=24:fontcolor=yellow:box=1:boxcolor=black@0.6:boxborderw=6" "$FONT" "$FPS"
}

# Baseline H.264, fixed 1 s GOP (keyframe every 25 frames, no scene-cut keyframes) so that a loop or a
# late join never waits long for a picture; bit rate capped to keep each file small enough to commit.
encode() {
  local out="$1"; shift
  ffmpeg -hide_banner -loglevel error -y "$@" \
    -t "$SECONDS_LONG" -r "$FPS" -an \
    -c:v libx264 -profile:v baseline -level 3.0 -pix_fmt yuv420p \
    -g "$FPS" -keyint_min "$FPS" -sc_threshold 0 \
    -crf 30 -maxrate 300k -bufsize 600k -preset slow \
    -movflags +faststart -map_metadata -1 \
    "$out"
}

# CAM 1: the classic moving test pattern.
encode clip-1.mp4 -f lavfi -i "testsrc2=size=${W}x${H}:rate=${FPS}" \
  -vf "$(overlay_text 'CAM 1')"

# CAM 2: drifting colour gradients with a dark patch crossing them (a Mandelbrot zoom was tried: too much
# fine detail for the bit-rate cap, it turned to mush).
encode clip-2.mp4 -f lavfi -i "gradients=size=${W}x${H}:rate=${FPS}:n=4:speed=0.03:seed=11" \
  -f lavfi -i "color=c=0x202020:size=120x60:rate=${FPS}" \
  -filter_complex "[0:v][1:v]overlay=x='(W-w)/2+cos(t*1.3)*220':y='H-h-50-abs(sin(t*2.6))*120':shortest=1,format=yuv420p,$(overlay_text 'CAM 2')"

# CAM 3: Conway's life on a coarse grid, scaled up with hard edges so it compresses well.
encode clip-3.mp4 -f lavfi -i "life=size=160x90:rate=${FPS}:ratio=0.3:seed=7:mold=10:life_color=#40ff80:death_color=#202040:mold_color=#103050" \
  -vf "scale=${W}:${H}:flags=neighbor,format=yuv420p,$(overlay_text 'CAM 3')"

# CAM 4: SMPTE HD bars with a white box sweeping across them.
encode clip-4.mp4 -f lavfi -i "smptehdbars=size=${W}x${H}:rate=${FPS}" \
  -f lavfi -i "color=c=white:size=80x80:rate=${FPS}" \
  -filter_complex "[0:v][1:v]overlay=x='mod(t*160,W+w)-w':y='(H-h)/2+sin(t*2)*100':shortest=1,format=yuv420p,$(overlay_text 'CAM 4')"

ls -l clip-*.mp4
