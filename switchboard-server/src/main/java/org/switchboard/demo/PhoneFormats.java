package org.switchboard.demo;

import java.util.Random;

/** Phone numbers written the many ways people really write them, all in fictional or test ranges. */
final class PhoneFormats {

	private static final int[] US_AREAS = { 212, 213, 305, 312, 404, 415, 512, 617, 646, 702, 720, 808, 917, 949, 206 };

	private PhoneFormats() {
	}

	static String any(Random random) {
		int line = random.nextInt(10_000);
		int area = US_AREAS[random.nextInt(US_AREAS.length)];
		return switch (random.nextInt(8)) {
			case 0 -> String.format("(%d) 555-%04d", area, line);
			case 1 -> String.format("%d.555.%04d x%d", area, line, 10 + random.nextInt(90));
			case 2 -> String.format("+1 %d 555 %04d", area, line);
			case 3 -> String.format("%d-555-%04d", area, line);
			case 4 -> String.format("+44 20 7946 %04d", line);
			case 5 -> String.format("0049 30 %07d", random.nextInt(10_000_000));
			case 6 -> String.format("+45 %02d %02d %02d %02d", 20 + random.nextInt(70), random.nextInt(100), random.nextInt(100), random.nextInt(100));
			default -> String.format("1-%d-555-%04d", area, line);
		};
	}
}
