import sharp from 'sharp';
import type { Finding } from './types.js';

interface Classifier {
  classify(img: unknown, topk?: number): Promise<Array<{ className: string; probability: number }>>;
}

const SIZE = 224;

/**
 * nsfwjs (MobileNetV2Mid, whose weights ship inside the npm package: nothing is fetched) on
 * TensorFlow.js with the WASM backend. Loaded on the first image, in the job, never at start; the
 * operator can switch it off (MODERATION_IMAGE_CHECK=off).
 */
export class ImageCheck {
  private model: Promise<{ model: Classifier; tf: typeof import('@tensorflow/tfjs') }> | null = null;

  private load() {
    this.model ??= (async () => {
      const tf = await import('@tensorflow/tfjs');
      await import('@tensorflow/tfjs-backend-wasm');
      await tf.setBackend('wasm');
      await tf.ready();
      const nsfwjs = await import('nsfwjs');
      // MobileNetV2Mid, not the default MobileNetV2: the small model calls plain warm gradients "Porn"
      // at 0.7+ (it labelled the e2e fixtures' test photos); Mid scores them Neutral > 0.9 at ~70 ms/image.
      const model = (await nsfwjs.load('MobileNetV2Mid', { size: SIZE })) as unknown as Classifier;
      return { model, tf };
    })().catch((err) => {
      this.model = null;
      throw err;
    });
    return this.model;
  }

  /** Scores one image (any format sharp reads); a finding when it looks sexual. */
  async run(mediaId: string, bytes: Buffer): Promise<Finding[]> {
    const { model, tf } = await this.load();
    const { data } = await sharp(bytes).removeAlpha().resize(SIZE, SIZE, { fit: 'fill' }).raw().toBuffer({ resolveWithObject: true });
    const tensor = tf.tensor3d(new Int32Array(data), [SIZE, SIZE, 3], 'int32');
    try {
      const scores = new Map((await model.classify(tensor, 5)).map((p) => [p.className, p.probability]));
      const explicit = Math.max(scores.get('Porn') ?? 0, scores.get('Hentai') ?? 0);
      const suggestive = (scores.get('Sexy') ?? 0) * 0.6;
      const [label, score] = explicit >= suggestive ? ['explicit', explicit] : ['suggestive', suggestive];
      if (score < 0.3) return [];
      return [{ check: 'nsfwjs', ruleId: 'sexual', confidence: score, evidence: [{ type: 'image', mediaId, label, score }] }];
    } finally {
      tensor.dispose();
    }
  }
}
