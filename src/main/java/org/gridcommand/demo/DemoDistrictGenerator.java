package org.gridcommand.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.gridcommand.camera.Camera;
import org.gridcommand.common.BilingualName;
import org.gridcommand.directory.Resource;
import org.gridcommand.directory.ResourceKind;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.BigGrid;
import org.gridcommand.grid.District;
import org.gridcommand.grid.DutyStatus;
import org.gridcommand.grid.GridHead;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.grid.SmallGrid;
import org.gridcommand.grid.UnitGridCode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Builds the demo district: Tangjiawan Town (唐家湾镇), Xiangzhou, Zhuhai, with 16 big grids, 136 small grids,
 * their grid heads and 316 grid workers, 400+ Sharp Eyes cameras and ~60 emergency resources.
 *
 * <p>The grids come from one 13 x 13 vertex lattice (12 x 12 cells) that is warped and jittered. Every cell,
 * block and outline is traced from the same shared vertex and edge coordinates, so neighbouring grids join
 * seamlessly by construction (no gap, no overlap, no floating-point slivers) instead of by geometric union.
 *
 * <p>Everything is drawn from one seeded {@link SplittableRandom} in a fixed order, so a seed always gives
 * the same district (demos and drills must be repeatable).
 */
public final class DemoDistrictGenerator {
    public static final long DEFAULT_SEED = 20_180_801L;
    public static final String ADMIN_CODE = "440402";
    public static final String STREET_CODE = "104";
    public static final BilingualName DISTRICT_NAME = new BilingualName("唐家湾镇", "Tangjiawan Town");
    public static final double CENTRE_LON = 113.58;
    public static final double CENTRE_LAT = 22.36;

    /** Lon/lat with SRID 4326; floating precision because all coordinates are shared, never re-computed. */
    static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

    private static final double WIDTH_M = 8000;
    private static final double HEIGHT_M = 6500;
    private static final int CELLS = 12;
    private static final int BLOCK = 3;
    private static final int BLOCKS = CELLS / BLOCK;
    private static final int MERGED_COMMUNITIES = 8;
    private static final int WORKERS = 316;
    private static final double METRES_PER_DEG_LAT = 110_574;
    private static final double METRES_PER_DEG_LON = 111_320 * Math.cos(Math.toRadians(CENTRE_LAT));

    /** Communities of Tangjiawan, numbered west→east, north→south like the grids. */
    static final String[][] COMMUNITIES = {
            {"唐家", "Tangjia"}, {"唐乐", "Tangle"}, {"鸡山", "Jishan"}, {"淇澳", "Qi'ao"},
            {"官塘", "Guantang"}, {"东岸", "Dong'an"}, {"那洲", "Nazhou"}, {"上栅", "Shangzha"},
            {"下栅", "Xiazha"}, {"金鼎", "Jinding"}, {"永丰", "Yongfeng"}, {"会同", "Huitong"},
            {"银星", "Yinxing"}, {"后环", "Houhuan"}, {"北沙", "Beisha"}, {"外沙", "Waisha"},
    };

    // Surnames weighted toward those common in Guangdong by listing the frequent ones first.
    private static final String[][] SURNAMES = {
            {"陈", "Chen"}, {"李", "Li"}, {"黄", "Huang"}, {"张", "Zhang"}, {"梁", "Liang"}, {"林", "Lin"},
            {"刘", "Liu"}, {"吴", "Wu"}, {"何", "He"}, {"王", "Wang"}, {"郑", "Zheng"}, {"杨", "Yang"},
            {"周", "Zhou"}, {"谢", "Xie"}, {"罗", "Luo"}, {"曾", "Zeng"}, {"邓", "Deng"}, {"冯", "Feng"},
            {"许", "Xu"}, {"苏", "Su"}, {"卢", "Lu"}, {"钟", "Zhong"}, {"叶", "Ye"}, {"赖", "Lai"},
            {"朱", "Zhu"}, {"蔡", "Cai"}, {"郭", "Guo"}, {"潘", "Pan"}, {"杜", "Du"}, {"古", "Gu"},
    };
    // No vowel-initial syllables, so the pinyin never needs an apostrophe.
    private static final String[][] GIVEN = {
            {"志", "zhi"}, {"强", "qiang"}, {"伟", "wei"}, {"明", "ming"}, {"华", "hua"}, {"建", "jian"},
            {"国", "guo"}, {"丽", "li"}, {"芳", "fang"}, {"敏", "min"}, {"静", "jing"}, {"婷", "ting"},
            {"杰", "jie"}, {"涛", "tao"}, {"斌", "bin"}, {"辉", "hui"}, {"燕", "yan"}, {"霞", "xia"},
            {"俊", "jun"}, {"峰", "feng"}, {"嘉", "jia"}, {"欣", "xin"}, {"文", "wen"}, {"海", "hai"},
            {"晓", "xiao"}, {"玲", "ling"}, {"雪", "xue"}, {"宇", "yu"}, {"浩", "hao"}, {"思", "si"},
            {"颖", "ying"}, {"珊", "shan"}, {"锦", "jin"}, {"荣", "rong"}, {"健", "jian"}, {"永", "yong"},
            {"家", "jia"}, {"慧", "hui"}, {"少", "shao"}, {"冬", "dong"}, {"秀", "xiu"}, {"德", "de"},
    };
    private static final String[] MOBILE_PREFIXES = {
            "130", "131", "132", "135", "136", "137", "138", "139", "150", "151", "152", "158", "159",
            "186", "187", "188", "189", "199",
    };
    private static final String[][] CAMERA_SPOTS = {
            {"路口", "junction"}, {"小区门口", "estate gate"}, {"主干道", "main road"}, {"市场", "market"},
            {"学校门口", "school gate"}, {"公园", "park"}, {"广场", "square"}, {"河道", "riverside"},
    };

    private final SplittableRandom rnd;
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedPhones = new HashSet<>();

    /** Lattice vertices [col i west→east][row j north→south], lon/lat. */
    private final Coordinate[][] vertex = new Coordinate[CELLS + 1][CELLS + 1];
    /** Intermediate points of the edge (i,j)→(i+1,j). */
    private final Coordinate[][][] hEdge = new Coordinate[CELLS][CELLS + 1][];
    /** Intermediate points of the edge (i,j)→(i,j+1). */
    private final Coordinate[][][] vEdge = new Coordinate[CELLS + 1][CELLS][];

    private DemoDistrictGenerator(long seed) {
        this.rnd = new SplittableRandom(seed);
    }

    public static DemoDistrict generate(long seed) {
        return new DemoDistrictGenerator(seed).build();
    }

    private DemoDistrict build() {
        buildLattice();

        Polygon outline = trace(fullMask());
        List<BigGrid> bigGrids = new ArrayList<>();
        List<SmallGrid> smallGrids = new ArrayList<>();
        boolean[] merged = pickMergedCommunities();
        for (int k = 0; k < BLOCKS * BLOCKS; k++) {
            int bi = k % BLOCKS;
            int bj = k / BLOCKS;
            String code = ADMIN_CODE + STREET_CODE + String.format("%03d", k + 1);
            BilingualName communityName = new BilingualName(COMMUNITIES[k][0] + "社区", COMMUNITIES[k][1] + " Community");
            boolean[][] block = new boolean[CELLS][CELLS];
            for (int c = 0; c < BLOCK; c++) {
                for (int r = 0; r < BLOCK; r++) {
                    block[bi * BLOCK + c][bj * BLOCK + r] = true;
                }
            }
            bigGrids.add(new BigGrid(code, communityName, trace(block)));
            smallGrids.addAll(smallGridsOf(k, bi, bj, code, merged[k]));
        }

        List<GridHead> heads = new ArrayList<>();
        for (int k = 0; k < bigGrids.size(); k++) {
            heads.add(new GridHead(String.format("H%02d", k + 1), personName(), phone(), bigGrids.get(k).code()));
        }
        List<SmallGrid> sorted = smallGrids.stream().sorted((a, b) -> a.code().compareTo(b.code())).toList();
        List<PreparedGeometry> prepared = sorted.stream().map(g -> PreparedGeometryFactory.prepare(g.area())).toList();
        List<GridWorker> workers = workers(sorted, prepared);
        List<Camera> cameras = cameras(sorted, prepared);
        List<Resource> resources = resources(sorted, prepared);

        District district = new District(ADMIN_CODE, DISTRICT_NAME, outline, bigGrids, smallGrids, heads, workers);
        return new DemoDistrict(district, cameras, resources);
    }

    // ---------------------------------------------------------------- geometry

    private void buildLattice() {
        double cw = WIDTH_M / CELLS;
        double ch = HEIGHT_M / CELLS;
        double[][] x = new double[CELLS + 1][CELLS + 1];
        double[][] y = new double[CELLS + 1][CELLS + 1];
        double phaseX = rnd.nextDouble() * 2 * Math.PI;
        double phaseY = rnd.nextDouble() * 2 * Math.PI;
        // One smooth wave per side (west, east, north, south) so the outline meanders instead of zig-zagging;
        // the east side is the coast and gets the widest swings.
        double[] amp = {0.40 * cw, 0.55 * cw, 0.40 * ch, 0.40 * ch};
        double[][] wave = new double[4][4];
        for (double[] w : wave) {
            w[0] = 0.6 + rnd.nextDouble() * 0.9;
            w[1] = rnd.nextDouble() * 2 * Math.PI;
            w[2] = 1.7 + rnd.nextDouble() * 1.3;
            w[3] = rnd.nextDouble() * 2 * Math.PI;
        }
        for (int j = 0; j <= CELLS; j++) {
            for (int i = 0; i <= CELLS; i++) {
                double bx = (i - CELLS / 2.0) * cw;
                double by = (CELLS / 2.0 - j) * ch;
                double px = bx + 0.07 * cw * Math.sin(2 * Math.PI * 0.9 * by / HEIGHT_M + phaseX);
                double py = by + 0.07 * ch * Math.sin(2 * Math.PI * 1.1 * bx / WIDTH_M + phaseY);
                boolean boundary = i == 0 || i == CELLS || j == 0 || j == CELLS;
                if (boundary) {
                    if (i == 0) {
                        px -= amp[0] * side(wave[0], j);
                    }
                    if (i == CELLS) {
                        px += amp[1] * side(wave[1], j);
                    }
                    if (j == 0) {
                        py += amp[2] * side(wave[2], i);
                    }
                    if (j == CELLS) {
                        py -= amp[3] * side(wave[3], i);
                    }
                } else {
                    px += (rnd.nextDouble() * 2 - 1) * 0.16 * cw;
                    py += (rnd.nextDouble() * 2 - 1) * 0.16 * ch;
                }
                x[i][j] = px;
                y[i][j] = py;
                vertex[i][j] = toLonLat(px, py);
            }
        }
        for (int j = 0; j <= CELLS; j++) {
            for (int i = 0; i < CELLS; i++) {
                // Along north and south the normal of an eastward edge points north: outward on the north side only.
                double[] w = j == 0 ? wave[2] : j == CELLS ? wave[3] : null;
                double a = j == 0 ? amp[2] : -amp[3];
                hEdge[i][j] = edgePoints(x[i][j], y[i][j], x[i + 1][j], y[i + 1][j], w, a, i, ch);
            }
        }
        for (int i = 0; i <= CELLS; i++) {
            for (int j = 0; j < CELLS; j++) {
                // The normal of a southward edge points east: outward on the east side only.
                double[] w = i == 0 ? wave[0] : i == CELLS ? wave[1] : null;
                double a = i == 0 ? -amp[0] : amp[1];
                vEdge[i][j] = edgePoints(x[i][j], y[i][j], x[i][j + 1], y[i][j + 1], w, a, j, cw);
            }
        }
    }

    /** Smooth value in about [-1, 1] along one side of the outline at lattice position t (0..12). */
    private static double side(double[] w, double t) {
        double s = t / CELLS;
        return 0.65 * Math.sin(2 * Math.PI * w[0] * s + w[1]) + 0.35 * Math.sin(2 * Math.PI * w[2] * s + w[3]);
    }

    /**
     * Points strictly between the two ends of an edge. Outer edges (wave != null) get three that follow the
     * side's smooth wave between the lattice vertices, plus a little roughness, so the outline reads like a
     * drawn boundary; inner edges get one slightly bent midpoint, like a street. amp carries the sign that
     * turns the edge's left-hand normal outward.
     */
    private Coordinate[] edgePoints(double x0, double y0, double x1, double y1, double[] wave, double amp,
                                    int start, double cellSize) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double len = Math.hypot(dx, dy);
        double nx = -dy / len;
        double ny = dx / len;
        int n = wave != null ? 3 : 1;
        Coordinate[] pts = new Coordinate[n];
        for (int k = 0; k < n; k++) {
            double t = (k + 1.0) / (n + 1);
            double off;
            if (wave != null) {
                double chord = side(wave, start) + t * (side(wave, start + 1) - side(wave, start));
                off = amp * (side(wave, start + t) - chord) + (rnd.nextDouble() * 2 - 1) * 0.04 * cellSize;
            } else {
                off = (rnd.nextDouble() * 2 - 1) * 0.05 * len;
            }
            pts[k] = toLonLat(x0 + t * dx + off * nx, y0 + t * dy + off * ny);
        }
        return pts;
    }

    private static Coordinate toLonLat(double xMetres, double yMetres) {
        return new Coordinate(round7(CENTRE_LON + xMetres / METRES_PER_DEG_LON),
                round7(CENTRE_LAT + yMetres / METRES_PER_DEG_LAT));
    }

    static double round7(double v) {
        return Math.round(v * 1e7) / 1e7;
    }

    private static boolean[][] fullMask() {
        boolean[][] mask = new boolean[CELLS][CELLS];
        for (boolean[] col : mask) {
            java.util.Arrays.fill(col, true);
        }
        return mask;
    }

    /**
     * Traces the outline of a simply connected set of cells (mask[i][j], i west→east, j north→south) as one
     * counter-clockwise shell. Each cell contributes its four directed edges; an edge is on the outline when
     * the cell across it is not in the set. Walking from vertex to vertex along those edges closes the ring.
     */
    private Polygon trace(boolean[][] mask) {
        int stride = CELLS + 1;
        int[] next = new int[stride * stride];
        Coordinate[][] pts = new Coordinate[stride * stride][];
        java.util.Arrays.fill(next, -1);
        int edges = 0;
        for (int i = 0; i < CELLS; i++) {
            for (int j = 0; j < CELLS; j++) {
                if (!mask[i][j]) {
                    continue;
                }
                // Counter-clockwise with x east and y north: NW → SW → SE → NE → NW.
                if (i == 0 || !mask[i - 1][j]) {
                    edges += link(next, pts, i * stride + j, i * stride + j + 1, vEdge[i][j], false);
                }
                if (j == CELLS - 1 || !mask[i][j + 1]) {
                    edges += link(next, pts, i * stride + j + 1, (i + 1) * stride + j + 1, hEdge[i][j + 1], false);
                }
                if (i == CELLS - 1 || !mask[i + 1][j]) {
                    edges += link(next, pts, (i + 1) * stride + j + 1, (i + 1) * stride + j, vEdge[i + 1][j], true);
                }
                if (j == 0 || !mask[i][j - 1]) {
                    edges += link(next, pts, (i + 1) * stride + j, i * stride + j, hEdge[i][j], true);
                }
            }
        }
        int start = 0;
        while (next[start] < 0) {
            start++;
        }
        List<Coordinate> ring = new ArrayList<>();
        int v = start;
        int walked = 0;
        do {
            ring.add(new Coordinate(vertex[v / stride][v % stride]));
            for (Coordinate c : pts[v]) {
                ring.add(new Coordinate(c));
            }
            v = next[v];
            walked++;
        } while (v != start && walked <= edges);
        if (walked != edges) {
            throw new IllegalStateException("cell set is not simply connected: walked " + walked + " of " + edges + " edges");
        }
        ring.add(new Coordinate(ring.get(0)));
        return GEOMETRY.createPolygon(ring.toArray(Coordinate[]::new));
    }

    private static int link(int[] next, Coordinate[][] pts, int from, int to, Coordinate[] inner, boolean reversed) {
        if (next[from] >= 0) {
            throw new IllegalStateException("two outline edges leave one vertex");
        }
        next[from] = to;
        Coordinate[] p = inner.clone();
        if (reversed) {
            java.util.Collections.reverse(java.util.Arrays.asList(p));
        }
        pts[from] = p;
        return 1;
    }

    private boolean[] pickMergedCommunities() {
        int[] order = DemoIds.shuffledIndices(BLOCKS * BLOCKS, rnd);
        boolean[] merged = new boolean[BLOCKS * BLOCKS];
        for (int k = 0; k < MERGED_COMMUNITIES; k++) {
            merged[order[k]] = true;
        }
        return merged;
    }

    /**
     * The small grids of community k: its 3 x 3 cells, or 8 units when one pair of neighbouring cells is one
     * grid (a real layout follows streets and estates, not a checkerboard). Numbered west→east, north→south
     * by the unit's north-west cell.
     */
    private List<SmallGrid> smallGridsOf(int k, int bi, int bj, String bigCode, boolean merge) {
        int pairCol = -1;
        int pairRow = -1;
        boolean horizontal = false;
        if (merge) {
            int choice = rnd.nextInt(12);
            horizontal = choice < 6;
            int a = choice % 6;
            // horizontal pair: row a/2 (0..2), columns a%2 and a%2+1; vertical: column a/2, rows a%2 and a%2+1
            pairCol = horizontal ? a % 2 : a / 2;
            pairRow = horizontal ? a / 2 : a % 2;
        }
        List<SmallGrid> result = new ArrayList<>();
        int seq = 0;
        for (int r = 0; r < BLOCK; r++) {
            for (int c = 0; c < BLOCK; c++) {
                boolean[][] mask = new boolean[CELLS][CELLS];
                if (merge && c == pairCol && r == pairRow) {
                    mask[bi * BLOCK + c][bj * BLOCK + r] = true;
                    mask[bi * BLOCK + c + (horizontal ? 1 : 0)][bj * BLOCK + r + (horizontal ? 0 : 1)] = true;
                } else if (merge && c == pairCol + (horizontal ? 1 : 0) && r == pairRow + (horizontal ? 0 : 1)) {
                    continue; // second cell of the merged pair
                } else {
                    mask[bi * BLOCK + c][bj * BLOCK + r] = true;
                }
                seq++;
                UnitGridCode code = new UnitGridCode(bigCode + String.format("%03d", seq));
                BilingualName name = new BilingualName(COMMUNITIES[k][0] + "社区第" + seq + "网格",
                        COMMUNITIES[k][1] + " Community Grid " + seq);
                result.add(new SmallGrid(code, bigCode, name, trace(mask)));
            }
        }
        return result;
    }

    // ---------------------------------------------------------------- people

    private List<GridWorker> workers(List<SmallGrid> grids, List<PreparedGeometry> prepared) {
        int extra = WORKERS - 2 * grids.size();
        int[] order = DemoIds.shuffledIndices(grids.size(), rnd);
        int[] count = new int[grids.size()];
        java.util.Arrays.fill(count, 2);
        for (int k = 0; k < extra; k++) {
            count[order[k]] = 3;
        }
        List<GridWorker> workers = new ArrayList<>();
        for (int g = 0; g < grids.size(); g++) {
            for (int n = 0; n < count[g]; n++) {
                boolean onDuty = rnd.nextDouble() < 0.85;
                GeoPoint position = onDuty ? pointIn(prepared.get(g), rnd) : null;
                workers.add(new GridWorker(String.format("W%04d", workers.size() + 1), personName(), phone(),
                        grids.get(g).code(), onDuty ? DutyStatus.ON_DUTY : DutyStatus.OFF_DUTY, position));
            }
        }
        return workers;
    }

    private BilingualName personName() {
        while (true) {
            // Square the draw so the common surnames at the top of the table come up more often.
            double u = rnd.nextDouble();
            String[] surname = SURNAMES[(int) (u * u * SURNAMES.length)];
            String[] g1 = GIVEN[rnd.nextInt(GIVEN.length)];
            String zh = surname[0] + g1[0];
            String pinyin = g1[1];
            if (rnd.nextDouble() < 0.8) {
                String[] g2 = GIVEN[rnd.nextInt(GIVEN.length)];
                zh += g2[0];
                pinyin += g2[1];
            }
            if (usedNames.add(zh)) {
                return new BilingualName(zh, surname[1] + " " + Character.toUpperCase(pinyin.charAt(0)) + pinyin.substring(1));
            }
        }
    }

    private String phone() {
        while (true) {
            String p = MOBILE_PREFIXES[rnd.nextInt(MOBILE_PREFIXES.length)] + String.format("%08d", rnd.nextInt(100_000_000));
            if (usedPhones.add(p)) {
                return p;
            }
        }
    }

    // ---------------------------------------------------------------- cameras and resources

    private List<Camera> cameras(List<SmallGrid> grids, List<PreparedGeometry> prepared) {
        // A few grids have 2 or 4 cameras, balanced so the network has exactly 3 per grid on average.
        int[] order = DemoIds.shuffledIndices(grids.size(), rnd);
        int[] count = new int[grids.size()];
        java.util.Arrays.fill(count, 3);
        for (int k = 0; k < 12; k++) {
            count[order[k]] = 2;
            count[order[12 + k]] = 4;
        }
        List<Camera> cameras = new ArrayList<>();
        for (int g = 0; g < grids.size(); g++) {
            SmallGrid grid = grids.get(g);
            String shortEn = grid.name().en().replace(" Community Grid ", " G");
            int[] perSpot = new int[CAMERA_SPOTS.length];
            for (int n = 0; n < count[g]; n++) {
                int spot = rnd.nextInt(CAMERA_SPOTS.length);
                int nth = ++perSpot[spot];
                int index = cameras.size();
                String type = rnd.nextDouble() < 0.7 ? "132" : "131";
                String id = "44040210" + "00" + type + "7" + String.format("%06d", index + 1);
                BilingualName name = new BilingualName(grid.name().zh() + " " + CAMERA_SPOTS[spot][0] + nth,
                        shortEn + " " + CAMERA_SPOTS[spot][1] + " " + nth);
                GeoPoint position = pointIn(prepared.get(g), rnd);
                double heading = Math.round(rnd.nextDouble() * 3600) / 10.0 % 360;
                double fov = 40 + Math.round(rnd.nextDouble() * 600) / 10.0;
                double range = 60 + Math.round(rnd.nextDouble() * 190);
                String url = "asset:demo/clips/clip-" + (index % 4 + 1) + ".mp4";
                cameras.add(new Camera(id, name, position, heading, fov, range, url, url,
                        grid.bigGridCode(), grid.code().value()));
            }
        }
        return cameras;
    }

    private List<Resource> resources(List<SmallGrid> grids, List<PreparedGeometry> prepared) {
        List<Resource> out = new ArrayList<>();
        String[][] fireStations = {
                {"唐家湾消防救援站", "Tangjiawan Fire Station"}, {"金鼎消防救援站", "Jinding Fire Station"},
                {"高新区消防救援站", "Hi-tech Zone Fire Station"},
        };
        String[][] hospitals = {
                {"唐家湾镇卫生院", "Tangjiawan Town Health Centre"}, {"高新区人民医院", "Hi-tech Zone People's Hospital"},
                {"金鼎医院", "Jinding Hospital"},
        };
        int[] communities = DemoIds.shuffledIndices(COMMUNITIES.length, rnd);
        for (int n = 0; n < fireStations.length; n++) {
            out.add(resource(String.format("FS%02d", n + 1), ResourceKind.FIRE_STATION,
                    new BilingualName(fireStations[n][0], fireStations[n][1]), communities[n], grids, prepared, true));
        }
        for (int n = 0; n < hospitals.length; n++) {
            out.add(resource(String.format("HP%02d", n + 1), ResourceKind.HOSPITAL,
                    new BilingualName(hospitals[n][0], hospitals[n][1]), communities[3 + n], grids, prepared, true));
        }
        communities = DemoIds.shuffledIndices(COMMUNITIES.length, rnd);
        for (int n = 0; n < 8; n++) {
            int k = communities[n];
            out.add(resource(String.format("PP%02d", n + 1), ResourceKind.POLICE_POST,
                    new BilingualName(COMMUNITIES[k][0] + "警务室", COMMUNITIES[k][1] + " Police Post"), k, grids, prepared, true));
        }
        communities = DemoIds.shuffledIndices(COMMUNITIES.length, rnd);
        for (int n = 0; n < 10; n++) {
            int k = communities[n];
            out.add(resource(String.format("SH%02d", n + 1), ResourceKind.SHELTER,
                    new BilingualName(COMMUNITIES[k][0] + "应急避难场所", COMMUNITIES[k][1] + " Emergency Shelter"), k, grids, prepared, true));
        }
        for (int n = 0; n < 30; n++) {
            out.add(resource(String.format("HY%03d", n + 1), ResourceKind.HYDRANT,
                    new BilingualName("市政消火栓" + String.format("%03d", n + 1), "Hydrant " + (n + 1)),
                    rnd.nextInt(COMMUNITIES.length), grids, prepared, false));
        }
        communities = DemoIds.shuffledIndices(COMMUNITIES.length, rnd);
        for (int n = 0; n < 4; n++) {
            int k = communities[n];
            out.add(resource(String.format("MP%02d", n + 1), ResourceKind.MEDICAL_POINT,
                    new BilingualName(COMMUNITIES[k][0] + "社区卫生服务站", COMMUNITIES[k][1] + " Community Health Station"), k, grids, prepared, true));
        }
        for (int n = 0; n < 3; n++) {
            out.add(resource(String.format("SD%02d", n + 1), ResourceKind.SUPPLY_DEPOT,
                    new BilingualName("应急物资储备库" + (n + 1) + "号", "Emergency Supply Depot " + (n + 1)),
                    rnd.nextInt(COMMUNITIES.length), grids, prepared, true));
        }
        return out;
    }

    private Resource resource(String id, ResourceKind kind, BilingualName name, int community,
                              List<SmallGrid> grids, List<PreparedGeometry> prepared, boolean staffed) {
        String prefix = ADMIN_CODE + STREET_CODE + String.format("%03d", community + 1);
        List<Integer> candidates = new ArrayList<>();
        for (int g = 0; g < grids.size(); g++) {
            if (grids.get(g).bigGridCode().equals(prefix)) {
                candidates.add(g);
            }
        }
        int g = candidates.get(rnd.nextInt(candidates.size()));
        String phone = staffed ? "0756-" + (3_300_000 + rnd.nextInt(100_000)) : null;
        return new Resource(id, kind, name, pointIn(prepared.get(g), rnd), phone);
    }

    // ---------------------------------------------------------------- helpers


    /**
     * A uniformly random point strictly inside the area, rounded to 1e-7° (about 1 cm) before the test so the
     * stored point is the one that was checked.
     */
    static GeoPoint pointIn(PreparedGeometry area, SplittableRandom random) {
        Geometry g = area.getGeometry();
        Envelope env = g.getEnvelopeInternal();
        for (int tries = 0; tries < 10_000; tries++) {
            double lon = round7(env.getMinX() + random.nextDouble() * env.getWidth());
            double lat = round7(env.getMinY() + random.nextDouble() * env.getHeight());
            if (area.contains(GEOMETRY.createPoint(new Coordinate(lon, lat)))) {
                return new GeoPoint(lon, lat);
            }
        }
        Coordinate c = g.getInteriorPoint().getCoordinate();
        return new GeoPoint(c.x, c.y);
    }
}
