package fr.maillage.places.printing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The PNG QR codes, written without ImageIO, read back by ImageIO and decoded by ZXing.
 */
class QrCodesTest {

	@ParameterizedTest
	@ValueSource(ints = { 1, 3, 4, 8 })
	void thePngIsAValidImageThatDecodesToTheText(int pixelsPerModule) throws Exception {
		String text = "https://maillage.exemple.fr/lieux/7dcaaf59-6827-3b21-927f-2b865d72b08c?é=" + pixelsPerModule;
		String uri = QrCodes.pngDataUri(text, pixelsPerModule);
		assertThat(uri).startsWith("data:image/png;base64,");
		BufferedImage image = ImageIO.read(
				new ByteArrayInputStream(Base64.getDecoder().decode(uri.substring("data:image/png;base64,".length()))));
		int modules = QrCodes.matrix(text).getWidth();
		assertThat(image.getWidth()).isEqualTo(modules * pixelsPerModule);
		// scaled up so that ZXing reads even the one-pixel-per-module image
		int scale = Math.max(1, 8 / pixelsPerModule);
		int[] pixels = new int[image.getWidth() * scale * image.getHeight() * scale];
		for (int y = 0; y < image.getHeight() * scale; y++) {
			for (int x = 0; x < image.getWidth() * scale; x++) {
				pixels[y * image.getWidth() * scale + x] = image.getRGB(x / scale, y / scale);
			}
		}
		String decoded = new QRCodeReader()
			.decode(new BinaryBitmap(new HybridBinarizer(
					new RGBLuminanceSource(image.getWidth() * scale, image.getHeight() * scale, pixels))))
			.getText();
		assertThat(decoded).isEqualTo(text);
		// the same text again: the same image, from the cache
		assertThat(QrCodes.pngDataUri(text, pixelsPerModule)).isSameAs(uri);
	}

}
