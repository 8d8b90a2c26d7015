import sharp from 'sharp';

/**
 * A soft abstract "photo" for the demo: a diagonal gradient in the person's colours with a few
 * translucent circles, as a JPEG. Seeded, so the same demo looks the same every time.
 */
export async function demoPicture(palette: [string, string], seed: number, width = 1080, height = 1440): Promise<Buffer> {
  let state = seed * 9301 + 49297;
  const rand = () => {
    state = (state * 9301 + 49297) % 233280;
    return state / 233280;
  };
  const circles = Array.from({ length: 7 }, () => {
    const r = 60 + rand() * 260;
    return `<circle cx="${(rand() * width).toFixed(0)}" cy="${(rand() * height).toFixed(0)}" r="${r.toFixed(0)}" fill="#ffffff" fill-opacity="${(0.08 + rand() * 0.22).toFixed(2)}"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${palette[0]}"/><stop offset="1" stop-color="${palette[1]}"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>${circles}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
}
