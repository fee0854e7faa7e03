package org.gridcommand.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gridcommand.camera.Camera;
import org.gridcommand.cases.Assignee;
import org.gridcommand.cases.Attachment;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.Category;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.EmergencyClass;
import org.gridcommand.cases.EmergencyLevel;
import org.gridcommand.cases.Priority;
import org.gridcommand.common.DistrictTime;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.BigGrid;
import org.gridcommand.grid.District;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.grid.SmallGrid;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Generates the demo case history (three years, about 37,000 cases, as the reference district had) and
 * a live queue for "today", so statistics, hot-spot maps and the monthly report have believable data and
 * the duty officer's queue is not empty when a demo or drill starts.
 *
 * <p>Shape of the history: categories by their dictionary weight, a few hot grids, a daytime peak with few
 * reports at night, more cases in summer (flooding, typhoons, with a couple of typhoon days a year), fewer
 * at weekends and around the Spring Festival, and a slow growth as the centre matures.
 *
 * <p>Closed cases carry every stage instant along the life cycle (accepted, dispatched, handling started,
 * fed back, verified, closed); a few went through rework, some were supervised (督办) or escalated, and
 * emergencies carry their class and level. A VOIDED case has no acceptedAt/dispatchedAt; its voidedAt and
 * closedAt are when it was voided (it left the queue), with a reason.
 * Deterministic for a given district, dictionary, {@code now} and seed.
 */
public final class DemoCaseGenerator {
    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    /** Relative reports per hour of the day: patrols and office hours make the daytime peak. */
    private static final double[] HOURLY = {
            0.25, 0.15, 0.10, 0.08, 0.08, 0.15, 0.40, 0.90, 1.60, 2.20, 2.40, 2.10,
            1.20, 1.30, 2.00, 2.30, 2.20, 1.70, 1.10, 0.90, 0.80, 0.70, 0.50, 0.35,
    };
    /** Relative volume per month (Jan..Dec): rainy and typhoon season in summer, Spring Festival lull. */
    private static final double[] MONTHLY = {0.80, 0.70, 0.90, 1.00, 1.05, 1.15, 1.25, 1.30, 1.20, 1.00, 0.90, 0.85};

    private static final Channel[] CHANNELS = Channel.values();
    private static final double[] CHANNEL_SHARE = new double[CHANNELS.length];

    static {
        CHANNEL_SHARE[Channel.GRID_WORKER.ordinal()] = 0.55;
        CHANNEL_SHARE[Channel.HOTLINE.ordinal()] = 0.25;
        CHANNEL_SHARE[Channel.SENSOR.ordinal()] = 0.08;
        CHANNEL_SHARE[Channel.VIDEO_ANALYTICS.ordinal()] = 0.07;
        CHANNEL_SHARE[Channel.DUTY_OFFICER.ordinal()] = 0.05;
    }

    // What an IoT sensor or a video-analytics rule can actually detect in the demo dictionary.
    private static final List<String> SENSOR_CODES = List.of("0101", "0106", "0603", "0601", "0602", "0605", "0606");
    private static final List<String> VIDEO_CODES = List.of("0201", "0202", "0203", "0204", "0205", "0206", "0402", "0401", "0607");
    private static final List<String> TYPHOON_CODES = List.of("0603", "0604");
    private static final List<String> SUMMER_CODES = List.of("0603", "0604");
    private static final List<String> WINTER_CODES = List.of("0403", "0601", "0602");
    private static final String WAGE_DISPUTE = "0303";
    /** Who usually takes a major class when no grid worker handles it on patrol (demo routing). */
    private static final Map<String, String> DEPARTMENT_OF_MAJOR = Map.of("01", "URBAN", "02", "URBAN",
            "03", "STREET_OFFICE", "04", "POLICE", "05", "CIVIL_AFFAIRS", "06", "EMERGENCY");
    /** Majors a grid worker mostly settles on patrol (mediation, follow-up visits). */
    private static final List<String> PATROL_MAJORS = List.of("03", "05");
    private static final Map<String, EmergencyClass> EMERGENCY_CLASS = Map.of(
            "0601", EmergencyClass.ACCIDENT_DISASTER, "0602", EmergencyClass.ACCIDENT_DISASTER,
            "0603", EmergencyClass.NATURAL_DISASTER, "0604", EmergencyClass.NATURAL_DISASTER,
            "0605", EmergencyClass.ACCIDENT_DISASTER, "0606", EmergencyClass.ACCIDENT_DISASTER,
            "0607", EmergencyClass.ACCIDENT_DISASTER);
    private static final String[] VOID_REASONS = {
            "重复上报", "不属于受理范围", "现场核实无此情况", "上报信息不实", "已由相关部门自行处理"};
    private static final String[] SUSPEND_REASONS = {
            "需多部门协调，短期内无法解决", "等待上级审批", "涉及历史遗留问题，需专项处理", "需待天气好转后处置"};
    private static final java.time.format.DateTimeFormatter PHOTO_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(DistrictTime.ZONE);
    private static final String[] SURNAMES = {"陈", "李", "黄", "张", "梁", "刘", "吴", "何", "林", "郑"};

    private static final String[] ROADS = {
            "唐淇路", "金鼎路", "大学路", "港湾大道", "情侣北路", "那洲路", "金凤路", "鸡山路", "山房路", "永丰路",
            "官塘路", "东岸路", "会同路", "北沙路", "科技一路", "科技五路", "金唐路", "创新海岸路", "淇澳路", "银星路",
            "唐家湾大道", "下栅路", "上栅路", "后环路",
    };

    private static final Map<String, String[]> DESCRIPTIONS = Map.ofEntries(
            Map.entry("0101", new String[] {"井盖缺失，存在行人跌落风险", "井盖破损松动，车辆经过有异响", "雨水井盖移位"}),
            Map.entry("0102", new String[] {"路灯夜间不亮", "路灯杆倾斜，灯罩脱落", "一排路灯白天常亮"}),
            Map.entry("0103", new String[] {"路面坑洼破损，影响通行", "人行道地砖松动破损", "路面塌陷，已设临时围挡"}),
            Map.entry("0104", new String[] {"交通标志牌被撞倒", "护栏损坏倒伏", "交通信号灯故障"}),
            Map.entry("0105", new String[] {"行道树被折断", "绿化带被踩踏毁坏", "绿地被占用堆放杂物"}),
            Map.entry("0106", new String[] {"雨水篦子堵塞", "供水管道漏水，路面冒水", "污水井满溢"}),
            Map.entry("0201", new String[] {"路边堆放生活垃圾未清运", "垃圾桶满溢，周边有异味", "空地偷倒建筑垃圾"}),
            Map.entry("0202", new String[] {"路面有大量泥沙和落叶", "路面油污未清理", "人行道有积存污物"}),
            Map.entry("0203", new String[] {"电线杆上张贴小广告", "墙面喷涂办证小广告", "公交站亭张贴广告"}),
            Map.entry("0204", new String[] {"流动摊贩占用人行道经营", "店铺跨门占道经营", "夜市摊档占用车行道"}),
            Map.entry("0205", new String[] {"楼顶疑似违法搭建", "空地新建铁皮房", "住户违规扩建阳台"}),
            Map.entry("0206", new String[] {"工地夜间施工噪音扰民", "工地出入口车辆带泥上路", "工地围挡破损，扬尘较大"}),
            Map.entry("0301", new String[] {"邻里因漏水问题发生争执", "邻居间因噪音问题产生矛盾", "邻里因通道占用发生口角"}),
            Map.entry("0302", new String[] {"夫妻发生争吵，需调解", "家庭成员因赡养问题产生纠纷", "家庭财产分割纠纷"}),
            Map.entry("0303", new String[] {"工人反映被拖欠工资", "工地农民工聚集讨薪", "企业停产，员工要求结算工资"}),
            Map.entry("0304", new String[] {"业主与物业因收费问题发生纠纷", "小区停车管理引发业主不满", "物业撤场，小区管理无人负责"}),
            Map.entry("0305", new String[] {"村民因宅基地边界发生争议", "承包地边界纠纷", "鱼塘承包权属争议"}),
            Map.entry("0401", new String[] {"小区周边有可疑人员徘徊", "夜间路段照明不足，存在治安隐患", "空置厂房有人员聚集"}),
            Map.entry("0402", new String[] {"消防通道被私家车堵塞", "楼道堆放杂物堵塞疏散通道", "消防车登高场地被占用"}),
            Map.entry("0403", new String[] {"居民在楼道内为电动车充电", "电动车飞线充电", "电动车停放在楼梯间充电"}),
            Map.entry("0404", new String[] {"出租屋内私拉乱接电线", "出租屋人员登记信息不全", "出租屋群租，存在安全隐患"}),
            Map.entry("0405", new String[] {"小餐馆液化气瓶存放不规范", "小作坊灭火器过期", "小商铺住人，未设独立疏散通道"}),
            Map.entry("0406", new String[] {"学校门口车辆乱停，影响学生出入", "校园周边有无证摊贩", "上学时段校门口缺少护学岗"}),
            Map.entry("0501", new String[] {"群众反映征地补偿问题", "居民反映小区配套设施问题", "群众反映拆迁安置问题"}),
            Map.entry("0502", new String[] {"社区矫正对象定期走访", "社区矫正对象未按时报到", "社区矫正对象申请外出"}),
            Map.entry("0503", new String[] {"严重精神障碍患者定期随访", "患者家属反映近期情绪不稳定", "患者未按时服药，需跟进"}),
            Map.entry("0504", new String[] {"重点青少年帮扶走访", "辍学青少年情况跟进", "闲散青少年夜间聚集"}),
            Map.entry("0505", new String[] {"独居老人生活困难需救助", "困难家庭申请临时救助", "残疾人家庭需要帮扶"}),
            Map.entry("0601", new String[] {"居民楼住户家中起火，有浓烟冒出", "住宅厨房起火", "楼道电表箱起火"}),
            Map.entry("0602", new String[] {"商铺起火", "路边垃圾堆起火", "山林边缘杂草起火"}),
            Map.entry("0603", new String[] {"暴雨后路段积水严重，车辆无法通行", "地下车库进水", "低洼处民房进水"}),
            Map.entry("0604", new String[] {"台风导致大树倒伏，阻断道路", "台风吹落广告牌", "台风损坏临时建筑"}),
            Map.entry("0605", new String[] {"运输车辆发生化学品泄漏", "企业仓库有刺鼻气味，疑似危化品泄漏", "路边发现不明化学品桶"}),
            Map.entry("0606", new String[] {"餐馆燃气泄漏，有明显气味", "居民家中燃气管道泄漏", "燃气管道被施工挖破"}),
            Map.entry("0607", new String[] {"路口发生两车碰撞", "电动车与小汽车剐蹭，有人受伤", "货车侧翻，占用车道"}));

    private final SplittableRandom rnd;
    private final District district;
    private final CategoryDictionary dict;
    private final Instant now;
    private final List<SmallGrid> grids;
    private final List<PreparedGeometry> prepared;
    private final String[] communityZh;
    private final List<List<GridWorker>> workersOf;
    private final List<List<Camera>> camerasOf;
    private final List<Category> minors;
    private final double[] gridCum;
    private final double[] hourCum;
    private final double[] channelCum;
    /** Category draw per month, [channel][month]: sensors and video rules only report what they can detect. */
    private final double[][][] categoryCum;
    private final double[] typhoonCum;

    private DemoCaseGenerator(DemoDistrict d, CategoryDictionary dict, Instant now, long seed) {
        this.rnd = new SplittableRandom(seed);
        this.district = d.district();
        this.dict = dict;
        this.now = now;
        this.grids = district.smallGrids();
        this.prepared = grids.stream().map(g -> PreparedGeometryFactory.prepare(g.area())).toList();
        Map<String, BigGrid> big = district.bigGridsByCode();
        this.communityZh = grids.stream().map(g -> big.get(g.bigGridCode()).name().zh()).toArray(String[]::new);
        Map<String, Integer> index = new HashMap<>();
        for (int g = 0; g < grids.size(); g++) {
            index.put(grids.get(g).code().value(), g);
        }
        this.workersOf = new ArrayList<>();
        this.camerasOf = new ArrayList<>();
        for (int g = 0; g < grids.size(); g++) {
            workersOf.add(new ArrayList<>());
            camerasOf.add(new ArrayList<>());
        }
        for (GridWorker w : district.gridWorkers()) {
            Integer g = index.get(w.smallGrid().value());
            if (g != null) {
                workersOf.get(g).add(w);
            }
        }
        for (Camera c : d.cameras()) {
            Integer g = c.smallGridCode() == null ? null : index.get(c.smallGridCode());
            if (g != null) {
                camerasOf.get(g).add(c);
            }
        }
        this.minors = dict.minors();
        if (minors.isEmpty() || grids.isEmpty()) {
            throw new IllegalArgumentException("need at least one minor category and one small grid");
        }

        // Most grids near the average, a handful of hot spots (markets, old villages, construction zones).
        double[] gridWeight = new double[grids.size()];
        for (int g = 0; g < gridWeight.length; g++) {
            gridWeight[g] = Math.exp(0.45 * rnd.nextGaussian());
        }
        for (int k = 0; k < Math.min(10, gridWeight.length); k++) {
            gridWeight[rnd.nextInt(gridWeight.length)] *= 3 + rnd.nextDouble() * 2;
        }
        this.gridCum = cumulative(gridWeight);
        this.hourCum = cumulative(HOURLY);
        this.channelCum = cumulative(CHANNEL_SHARE);
        this.categoryCum = new double[CHANNELS.length][12][];
        for (Channel c : CHANNELS) {
            List<String> only = c == Channel.SENSOR ? SENSOR_CODES : c == Channel.VIDEO_ANALYTICS ? VIDEO_CODES : null;
            for (int m = 0; m < 12; m++) {
                categoryCum[c.ordinal()][m] = categoryCumulative(m, only);
            }
        }
        this.typhoonCum = categoryCumulative(7, TYPHOON_CODES);
    }

    public static List<Case> generate(DemoDistrict d, CategoryDictionary dict, Instant now, long seed) {
        return new DemoCaseGenerator(d, dict, now, seed).run();
    }

    private List<Case> run() {
        List<Case> cases = new ArrayList<>(38_000);
        history(cases);
        today(cases);
        cases.sort(Comparator.comparing(Case::reportedAt).thenComparing(Case::id));
        return List.copyOf(cases);
    }

    // ---------------------------------------------------------------- history

    private void history(List<Case> out) {
        LocalDate today = now.atZone(DistrictTime.ZONE).toLocalDate();
        LocalDate first = today.minusYears(3).plusDays(1);
        int days = (int) (today.toEpochDay() - first.toEpochDay());
        long[] dayStart = new long[days];
        int[] month = new int[days];
        boolean[] typhoon = new boolean[days];
        double[] dayWeight = new double[days];
        for (int i = 0; i < days; i++) {
            LocalDate date = first.plusDays(i);
            dayStart[i] = date.atStartOfDay(DistrictTime.ZONE).toInstant().toEpochMilli();
            month[i] = date.getMonthValue() - 1;
            boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
            dayWeight[i] = MONTHLY[month[i]] * (weekend ? 0.8 : 1.0) * (0.85 + 0.3 * i / days)
                    * (0.9 + 0.2 * rnd.nextDouble());
        }
        // A couple of typhoon landfalls per season: a burst of flooding and fallen-tree reports.
        for (int year = first.getYear(); year <= today.getYear(); year++) {
            for (int k = 0; k < 2; k++) {
                LocalDate date = LocalDate.of(year, 7, 1).plusDays(rnd.nextInt(92));
                int i = (int) (date.toEpochDay() - first.toEpochDay());
                if (i >= 0 && i < days) {
                    typhoon[i] = true;
                    dayWeight[i] *= 2.5;
                }
            }
        }
        double[] dayCum = cumulative(dayWeight);

        int count = 36_800 + rnd.nextInt(401);
        long nowMs = now.toEpochMilli();
        for (int n = 0; n < count; n++) {
            int day = pick(dayCum);
            int hour = pick(hourCum);
            long reported = dayStart[day] + hour * HOUR + rnd.nextLong(HOUR);
            Channel channel = CHANNELS[pick(channelCum)];
            Category category = pickCategory(channel, month[day], typhoon[day]);
            int g = pick(gridCum);
            Priority priority = dict.defaultPriority(category.code());
            boolean voided = rnd.nextDouble() < 0.04;

            long accept = delay(channel == Channel.DUTY_OFFICER ? 1 : channel == Channel.GRID_WORKER ? 3 : 5,
                    priority, 0.8);
            long dispatch = voided ? 0 : delay(switch (priority) {
                case URGENT -> 2;
                case HIGH -> 6;
                case NORMAL -> 15;
                case LOW -> 30;
            }, priority, 0.7);
            long handle = voided ? 0 : Math.min(20 * DAY, delay(switch (priority) {
                case URGENT -> 70;
                case HIGH -> 6 * 60;
                case NORMAL -> 26 * 60;
                case LOW -> 40 * 60;
            }, Priority.NORMAL, 0.75));
            long total = accept + dispatch + handle;
            long room = nowMs - reported - MINUTE;
            if (total > room) {
                // Only the last days of history: squeeze the stages so the case was closed before now.
                double f = Math.max(0, room) * 0.9 / total;
                accept = (long) (accept * f);
                dispatch = (long) (dispatch * f);
                handle = (long) (handle * f);
            }
            Instant reportedAt = Instant.ofEpochMilli(reported);
            GeoPoint location = DemoDistrictGenerator.pointIn(prepared.get(g), rnd);
            Case.Builder b = Case.builder().id(DemoIds.ulid(reportedAt, rnd)).channel(channel)
                    .categoryCode(category.code()).location(location).smallGridCode(grids.get(g).code().value())
                    .address(address(g)).description(description(category)).priority(priority).reportedAt(reportedAt);
            reporter(b, channel, g, false);
            details(b, channel, category, reportedAt);
            if (voided) {
                Instant voidedAt = Instant.ofEpochMilli(reported + accept + dispatch + handle);
                b.state(CaseState.VOIDED).stateReason(VOID_REASONS[rnd.nextInt(VOID_REASONS.length)])
                        .voidedAt(voidedAt).closedAt(voidedAt);
            } else {
                long dispatched = reported + accept + dispatch;
                b.state(CaseState.CLOSED).acceptedAt(Instant.ofEpochMilli(reported + accept))
                        .dispatchedAt(Instant.ofEpochMilli(dispatched)).assignee(assignee(category, g));
                handlingStages(b, dispatched, handle, true);
                boolean slow = handle > 5 * DAY;
                b.supervised(rnd.nextDouble() < (slow ? 0.3 : 0.02));
                b.escalated(rnd.nextDouble() < (priority == Priority.URGENT ? 0.08 : 0.005));
            }
            out.add(b.build());
        }
    }

    private Category pickCategory(Channel channel, int month, boolean typhoonDay) {
        boolean machine = channel == Channel.SENSOR || channel == Channel.VIDEO_ANALYTICS;
        double[] cum = typhoonDay && !machine && rnd.nextDouble() < 0.5 ? typhoonCum : categoryCum[channel.ordinal()][month];
        return minors.get(pick(cum));
    }

    /** Cumulative category weights for a month; restricted to {@code only} when given and present. */
    private double[] categoryCumulative(int month, List<String> only) {
        double[] w = new double[minors.size()];
        boolean any = false;
        for (int c = 0; c < w.length; c++) {
            String code = minors.get(c).code();
            if (only != null && !only.contains(code)) {
                continue;
            }
            double weight = dict.weight(code);
            if (month >= 5 && month <= 8 && SUMMER_CODES.contains(code)) {
                weight *= 4;
            }
            if ((month == 11 || month <= 1) && WINTER_CODES.contains(code)) {
                weight *= 1.5;
            }
            if (month <= 1 && WAGE_DISPUTE.equals(code)) {
                weight *= 2.5; // wage claims pile up before the Spring Festival
            }
            w[c] = weight;
            any = true;
        }
        return any ? cumulative(w) : categoryCumulative(month, null);
    }

    // ---------------------------------------------------------------- today

    private void today(List<Case> out) {
        long nowMs = now.toEpochMilli();
        long midnight = now.atZone(DistrictTime.ZONE).toLocalDate().atStartOfDay(DistrictTime.ZONE).toInstant().toEpochMilli();
        long span = nowMs - midnight;
        int n = 30 + rnd.nextInt(21);

        long[] times = new long[n];
        double maxHourly = Arrays.stream(HOURLY).max().orElse(1);
        for (int i = 0; i < n; i++) {
            if (span <= 0) {
                times[i] = nowMs;
                continue;
            }
            while (true) {
                long t = midnight + rnd.nextLong(span + 1);
                int hour = (int) ((t - midnight) / HOUR);
                if (rnd.nextDouble() * maxHourly <= HOURLY[Math.min(23, hour)]) {
                    times[i] = t;
                    break;
                }
            }
        }
        Arrays.sort(times);

        // Every open state appears at least once; older cases have moved further along the life cycle.
        List<CaseState> states = new ArrayList<>(List.of(CaseState.REPORTED, CaseState.ACCEPTED, CaseState.DISPATCHED,
                CaseState.IN_HANDLING, CaseState.FED_BACK, CaseState.VERIFIED, CaseState.SUSPENDED, CaseState.CLOSED));
        CaseState[] pool = {CaseState.CLOSED, CaseState.CLOSED, CaseState.CLOSED, CaseState.CLOSED, CaseState.CLOSED,
                CaseState.IN_HANDLING, CaseState.IN_HANDLING, CaseState.DISPATCHED, CaseState.DISPATCHED,
                CaseState.REPORTED, CaseState.ACCEPTED, CaseState.FED_BACK, CaseState.VERIFIED, CaseState.SUSPENDED,
                CaseState.VOIDED};
        while (states.size() < n) {
            states.add(pool[rnd.nextInt(pool.length)]);
        }
        states.sort(Comparator.comparingInt(DemoCaseGenerator::progress).reversed());

        List<Category> urgent = minors.stream().filter(c -> dict.defaultPriority(c.code()) == Priority.URGENT).toList();
        int[] order = DemoIds.shuffledIndices(n, rnd);
        int urgentA = order[0];
        int urgentB = order[1];
        int outsideCount = 1 + rnd.nextInt(2);
        int month = now.atZone(DistrictTime.ZONE).getMonthValue() - 1;

        for (int i = 0; i < n; i++) {
            boolean isUrgent = i == urgentA || i == urgentB;
            boolean outside = order[2] == i || (outsideCount == 2 && order[3] == i);
            Channel channel = outside ? Channel.HOTLINE : CHANNELS[pick(channelCum)];
            Category category = isUrgent && !urgent.isEmpty()
                    ? urgent.get(rnd.nextInt(urgent.size()))
                    : pickCategory(channel, month, false);
            Priority priority = isUrgent ? Priority.URGENT : dict.defaultPriority(category.code());
            CaseState state = states.get(i);
            long reported = times[i];
            long room = nowMs - reported;
            long accept = Math.min(delay(3, priority, 0.8), (long) (0.15 * room));
            long dispatch = Math.min(delay(priority == Priority.URGENT ? 2 : 12, priority, 0.7), (long) (0.25 * room));
            long handle = Math.min(delay(priority == Priority.URGENT ? 60 : 8 * 60, Priority.NORMAL, 0.7), (long) (0.5 * room));
            boolean accepted = state != CaseState.REPORTED && state != CaseState.VOIDED;
            boolean dispatched = accepted && state != CaseState.ACCEPTED;
            Instant reportedAt = Instant.ofEpochMilli(reported);
            Instant acceptedAt = accepted ? Instant.ofEpochMilli(reported + accept) : null;
            Instant dispatchedAt = dispatched ? Instant.ofEpochMilli(reported + accept + dispatch) : null;
            Instant closedAt = state == CaseState.CLOSED ? Instant.ofEpochMilli(reported + accept + dispatch + handle)
                    : state == CaseState.VOIDED ? Instant.ofEpochMilli(reported + accept) : null;

            GeoPoint location;
            String gridCode;
            String address;
            int g = -1;
            if (outside) {
                location = pointOutside();
                gridCode = null;
                address = "唐家湾镇与邻镇交界 " + ROADS[rnd.nextInt(ROADS.length)] + " " + (1 + rnd.nextInt(300)) + "号附近";
            } else {
                g = pick(gridCum);
                location = DemoDistrictGenerator.pointIn(prepared.get(g), rnd);
                gridCode = grids.get(g).code().value();
                address = address(g);
            }
            Case.Builder b = Case.builder().id(DemoIds.ulid(reportedAt, rnd)).channel(channel)
                    .categoryCode(category.code()).location(location).smallGridCode(gridCode).outsideDistrict(outside)
                    .address(address).description(description(category)).priority(priority).state(state)
                    .reportedAt(reportedAt).acceptedAt(acceptedAt).dispatchedAt(dispatchedAt).closedAt(closedAt);
            reporter(b, channel, g, true);
            details(b, channel, category, reportedAt);
            if (dispatched) {
                b.assignee(assignee(category, g));
            }
            long dispatchedMs = reported + accept + dispatch;
            switch (state) {
                case IN_HANDLING -> {
                    handlingStages(b, dispatchedMs, handle, false);
                    b.fedBackAt(null).verifiedAt(null);
                }
                case FED_BACK -> {
                    handlingStages(b, dispatchedMs, handle, false);
                    b.verifiedAt(null);
                }
                case VERIFIED -> handlingStages(b, dispatchedMs, handle, false);
                case CLOSED -> handlingStages(b, dispatchedMs, handle, true);
                case SUSPENDED -> {
                    boolean wasHandling = rnd.nextBoolean();
                    if (wasHandling) {
                        b.handlingStartedAt(Instant.ofEpochMilli(dispatchedMs + handle / 10));
                    }
                    b.suspendedFrom(wasHandling ? CaseState.IN_HANDLING : CaseState.DISPATCHED)
                            .suspendedAt(Instant.ofEpochMilli(dispatchedMs + handle / 2))
                            .stateReason(SUSPEND_REASONS[rnd.nextInt(SUSPEND_REASONS.length)]);
                }
                case VOIDED -> b.voidedAt(closedAt).stateReason(VOID_REASONS[rnd.nextInt(VOID_REASONS.length)]);
                default -> { }
            }
            if (state.isOpen() && state != CaseState.REPORTED && rnd.nextDouble() < 0.15) {
                b.supervised(true);
            }
            if (isUrgent && state.isOpen() && rnd.nextBoolean()) {
                b.escalated(true);
            }
            out.add(b.build());
        }
    }

    private static int progress(CaseState s) {
        return switch (s) {
            case REPORTED -> 0;
            case ACCEPTED -> 1;
            case DISPATCHED -> 2;
            case IN_HANDLING -> 3;
            case SUSPENDED -> 4;
            case FED_BACK -> 5;
            case VERIFIED -> 6;
            case VOIDED -> 7;
            case CLOSED -> 8;
        };
    }

    /** A point a few hundred metres beyond the outline, where a caller on the town border might stand. */
    private GeoPoint pointOutside() {
        Geometry outline = district.outline();
        Coordinate[] ring = outline.getCoordinates();
        Point centre = outline.getCentroid();
        double metresPerDegLon = 111_320 * Math.cos(Math.toRadians(centre.getY()));
        while (true) {
            Coordinate v = ring[rnd.nextInt(ring.length - 1)];
            double dx = (v.x - centre.getX()) * metresPerDegLon;
            double dy = (v.y - centre.getY()) * 110_574;
            double len = Math.hypot(dx, dy);
            double out = 300 + rnd.nextDouble() * 500;
            double lon = DemoDistrictGenerator.round7(v.x + dx / len * out / metresPerDegLon);
            double lat = DemoDistrictGenerator.round7(v.y + dy / len * out / 110_574);
            GeoPoint p = new GeoPoint(lon, lat);
            if (!outline.covers(outline.getFactory().createPoint(new Coordinate(lon, lat)))) {
                return p;
            }
        }
    }

    // ---------------------------------------------------------------- text

    private String address(int g) {
        String road = rnd.nextBoolean() ? ROADS[g % ROADS.length] : ROADS[(g * 7 + 3) % ROADS.length];
        return "唐家湾镇" + communityZh[g] + " " + road + " " + (1 + rnd.nextInt(200)) + "号";
    }

    private String description(Category category) {
        String[] texts = DESCRIPTIONS.get(category.code());
        if (texts == null) {
            return "发现" + category.name().zh() + "，请核实处置";
        }
        return texts[rnd.nextInt(texts.length)];
    }

    private void reporter(Case.Builder b, Channel channel, int g, boolean live) {
        switch (channel) {
            case GRID_WORKER -> {
                List<GridWorker> ws = g < 0 ? List.of() : workersOf.get(g);
                if (live) {
                    List<GridWorker> onDuty = ws.stream().filter(GridWorker::onDuty).toList();
                    if (!onDuty.isEmpty()) {
                        ws = onDuty;
                    }
                }
                if (ws.isEmpty()) {
                    b.reportedBy("网格员");
                } else {
                    GridWorker w = ws.get(rnd.nextInt(ws.size()));
                    b.reportedBy(w.id()).reporterName(w.name().zh()).reporterContact(w.phone());
                }
            }
            case HOTLINE -> b.reportedBy("12345热线")
                    .reporterName(SURNAMES[rnd.nextInt(SURNAMES.length)] + (rnd.nextBoolean() ? "先生" : "女士"))
                    .reporterContact(String.format("1%d%d****%04d", 3 + rnd.nextInt(7), rnd.nextInt(10), rnd.nextInt(10_000)));
            case SENSOR -> b.reportedBy(String.format("物联感知设备 S%04d", 1 + rnd.nextInt(600)));
            case VIDEO_ANALYTICS -> {
                List<Camera> cs = g < 0 ? List.of() : camerasOf.get(g);
                b.reportedBy(cs.isEmpty() ? "视频智能分析" : cs.get(rnd.nextInt(cs.size())).id());
            }
            case DUTY_OFFICER -> b.reportedBy(String.format("值班员 %02d", 1 + rnd.nextInt(12)));
        }
    }

    /** Photos from the field and from cameras; class and level for emergencies. */
    private void details(Case.Builder b, Channel channel, Category category, Instant reportedAt) {
        if (channel == Channel.GRID_WORKER || channel == Channel.VIDEO_ANALYTICS) {
            int n = channel == Channel.VIDEO_ANALYTICS ? 1 : 1 + rnd.nextInt(3);
            List<Attachment> photos = new ArrayList<>(n);
            String stamp = PHOTO_TIME.format(reportedAt);
            for (int k = 0; k < n; k++) {
                photos.add(new Attachment("IMG_" + stamp + "_" + (k + 1) + ".jpg", "image/jpeg",
                        300_000 + rnd.nextInt(3_700_000), String.format("%016x%016x%016x%016x",
                        rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong())));
            }
            b.attachments(photos);
        }
        EmergencyClass eventClass = EMERGENCY_CLASS.get(category.code());
        if (eventClass != null) {
            double u = rnd.nextDouble();
            b.eventClass(eventClass).level(u < 0.85 ? EmergencyLevel.IV : u < 0.98 ? EmergencyLevel.III : EmergencyLevel.II);
        }
    }

    /** Patrol-type cases mostly stay with the grid's own worker; the rest go to the major's department. */
    private Assignee assignee(Category category, int g) {
        List<GridWorker> ws = g < 0 ? List.of() : workersOf.get(g);
        boolean patrol = PATROL_MAJORS.contains(category.majorCode()) ? rnd.nextDouble() < 0.7 : rnd.nextDouble() < 0.2;
        if (patrol && !ws.isEmpty()) {
            return Assignee.worker(ws.get(rnd.nextInt(ws.size())).id());
        }
        return Assignee.department(DEPARTMENT_OF_MAJOR.getOrDefault(category.majorCode(), "STREET_OFFICE"));
    }

    /**
     * Stamps the handling stages between dispatch and dispatch + handle: start, feedback, verification and
     * (when closed) closing; about one case in sixteen failed verification once (or twice) and was reworked,
     * so its latest handling start comes after the first feedback.
     */
    private void handlingStages(Case.Builder b, long dispatched, long handle, boolean closed) {
        int rework = rnd.nextDouble() < 0.06 ? (rnd.nextDouble() < 0.15 ? 2 : 1) : 0;
        double start = rework == 0 ? 0.05 + 0.1 * rnd.nextDouble() : 0.45 + 0.1 * rnd.nextDouble();
        double fed = 0.75 + 0.1 * rnd.nextDouble();
        double verified = 0.9 + 0.07 * rnd.nextDouble();
        b.reworkCount(rework)
                .handlingStartedAt(Instant.ofEpochMilli(dispatched + (long) (handle * start)))
                .fedBackAt(Instant.ofEpochMilli(dispatched + (long) (handle * fed)))
                .verifiedAt(Instant.ofEpochMilli(dispatched + (long) (handle * verified)));
        if (closed) {
            b.closedAt(Instant.ofEpochMilli(dispatched + handle));
        }
    }

    // ---------------------------------------------------------------- random helpers

    /** Log-normal delay in ms around a median in minutes; urgent cases move about four times faster. */
    private long delay(double medianMinutes, Priority priority, double sigma) {
        double median = priority == Priority.URGENT ? medianMinutes / 4 : medianMinutes;
        double minutes = median * Math.exp(sigma * rnd.nextGaussian());
        return Math.max(20_000L, (long) (minutes * MINUTE));
    }

    private static double[] cumulative(double[] w) {
        double[] cum = new double[w.length];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += w[i];
            cum[i] = sum;
        }
        return cum;
    }

    private int pick(double[] cum) {
        double u = rnd.nextDouble() * cum[cum.length - 1];
        int i = Arrays.binarySearch(cum, u);
        i = i >= 0 ? i + 1 : -i - 1;
        // Skip zero-weight entries that share the cumulative value of their predecessor.
        while (i < cum.length - 1 && (i > 0 ? cum[i] - cum[i - 1] : cum[i]) <= 0) {
            i++;
        }
        return Math.min(i, cum.length - 1);
    }

}
