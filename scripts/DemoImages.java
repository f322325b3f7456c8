import java.awt.*;
import java.awt.geom.*;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Draws the demo content's lead images (abstract scenes, so the demo ships no photos of others).
 * Run from the repository root: java scripts/DemoImages.java src/main/resources/demo
 */
public class DemoImages {

	public static void main(String[] args) throws Exception {
		String dir = args.length > 0 ? args[0] : "src/main/resources/demo";
		draw(dir + "/harbour.jpg", new Color(0x1d3557), new Color(0xf1a208), 1, 11);
		draw(dir + "/delta.jpg", new Color(0x264653), new Color(0x8ab17d), 2, 23);
		draw(dir + "/bank.jpg", new Color(0x3d405b), new Color(0xe07a5f), 3, 37);
		draw(dir + "/press.jpg", new Color(0x2b2d42), new Color(0xedf2f4), 4, 41);
		draw(dir + "/rail.jpg", new Color(0x14213d), new Color(0xfca311), 5, 53);
		draw(dir + "/library.jpg", new Color(0x355070), new Color(0xeaac8b), 6, 67);
	}

	static void draw(String file, Color deep, Color light, int kind, long seed) throws Exception {
		int w = 1600, h = 900;
		var img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		var g = img.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setPaint(new GradientPaint(0, 0, light, 0, h, deep));
		g.fillRect(0, 0, w, h);
		var rnd = new java.util.Random(seed);
		g.setColor(new Color(255, 255, 255, 60));
		g.fill(new Ellipse2D.Double(w * 0.65, h * 0.12, 220, 220));
		for (int layer = 0; layer < 4; layer++) {
			var path = new Path2D.Double();
			double base = h * (0.55 + layer * 0.1);
			path.moveTo(0, h);
			for (int x = 0; x <= w; x += 40) {
				path.lineTo(x, base + Math.sin((x + seed * 17) / (90.0 + kind * 15 + layer * 20)) * (30 + rnd.nextInt(25)));
			}
			path.lineTo(w, h);
			path.closePath();
			int alpha = 120 + layer * 35;
			g.setColor(new Color(deep.getRed(), deep.getGreen(), deep.getBlue(), Math.min(alpha, 255)));
			g.fill(path);
		}
		g.setColor(new Color(0, 0, 0, 90));
		for (int i = 0; i < 6 + kind; i++) {
			int bw = 40 + rnd.nextInt(120), bh = 80 + rnd.nextInt(260);
			int x = rnd.nextInt(w - bw);
			g.fillRect(x, (int) (h * 0.62) - bh, bw, bh);
		}
		g.dispose();
		ImageIO.write(img, "jpg", new File(file));
	}

}
