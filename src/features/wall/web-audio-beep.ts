// A short two-tone beep through Web Audio: no audio file to ship or cache. Browsers only allow
// sound after a user gesture, so a kiosk must run with an autoplay policy that permits it
// (Chromium: --autoplay-policy=no-user-gesture-required); otherwise this fails silently.
let context: AudioContext | undefined;

export function webAudioBeep(): void {
  try {
    const Ctx = globalThis.AudioContext;
    if (!Ctx) return;
    context ??= new Ctx();
    void context.resume();
    const ctx = context;
    const gain = ctx.createGain();
    gain.gain.value = 0.2;
    gain.connect(ctx.destination);
    [880, 660].forEach((frequency, i) => {
      const osc = ctx.createOscillator();
      osc.type = 'square';
      osc.frequency.value = frequency;
      osc.connect(gain);
      const start = ctx.currentTime + i * 0.25;
      osc.start(start);
      osc.stop(start + 0.2);
    });
  } catch {
    // No audio device or policy refusal: the screen still shows the incident.
  }
}
