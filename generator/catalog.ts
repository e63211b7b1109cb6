import { type Prng, WeightedPicker } from './prng.ts';

/**
 * The product catalog: 58 products in realistic KRW price bands with a popularity weight each.
 * It is tuned so that orders of >= 500,000 KRW (unit_price * quantity) are about 2 % of normal
 * traffic (`expectedHighValueShare()` computes it exactly; a test pins it within 1-3 %), unlike
 * the original generator where phones and laptops made up 43 % of orders.
 */
export type Category =
  'electronics' | 'fashion' | 'beauty' | 'grocery' | 'home' | 'hobby' | 'sports' | 'gift_card';

/** How many units a shopper takes of a product: single big-ticket items, a few, or in bulk. */
export type QuantityProfile = 'single' | 'few' | 'bulk';

export interface Product {
  readonly id: string;
  readonly name: string;
  readonly category: Category;
  /** KRW, integer. */
  readonly price: number;
  /** Relative popularity among normal shoppers. */
  readonly weight: number;
  readonly quantity: QuantityProfile;
}

/** P(quantity = i + 1) for each profile. */
export const QUANTITY_DISTRIBUTION: Record<QuantityProfile, readonly number[]> = {
  single: [0.93, 0.06, 0.01],
  few: [0.7, 0.2, 0.07, 0.03],
  bulk: [0.45, 0.25, 0.15, 0.08, 0.04, 0.03],
};

type Row = readonly [
  name: string,
  category: Category,
  price: number,
  weight: number,
  quantity: QuantityProfile,
];

// prettier-ignore
const ROWS: readonly Row[] = [
  ['삼성 갤럭시 S25 울트라 256GB', 'electronics', 1_698_400, 0.12, 'single'],
  ['애플 아이폰 16 Pro 128GB', 'electronics', 1_550_000, 0.15, 'single'],
  ['LG 그램 16 노트북', 'electronics', 1_890_000, 0.08, 'single'],
  ['애플 맥북 에어 13 M3', 'electronics', 1_590_000, 0.08, 'single'],
  ['삼성 비스포크 냉장고 4도어', 'electronics', 2_390_000, 0.04, 'single'],
  ['LG 올레드 TV 55인치', 'electronics', 2_190_000, 0.05, 'single'],
  ['다이슨 에어랩 멀티 스타일러', 'electronics', 699_000, 0.08, 'single'],
  ['애플 아이패드 에어 11', 'electronics', 899_000, 0.08, 'single'],
  ['닌텐도 스위치 OLED', 'electronics', 415_000, 0.4, 'single'],
  ['소니 WH-1000XM5 헤드폰', 'electronics', 449_000, 0.3, 'single'],
  ['갤럭시 버즈3 프로', 'electronics', 319_000, 0.6, 'single'],
  ['애플 에어팟 프로 2', 'electronics', 359_000, 0.7, 'single'],
  ['갤럭시 워치7 44mm', 'electronics', 329_000, 0.4, 'single'],
  ['로지텍 MX Master 3S 마우스', 'electronics', 139_000, 0.8, 'single'],
  ['삼성 포터블 SSD T7 1TB', 'electronics', 159_000, 0.7, 'single'],
  ['샤오미 보조배터리 20000mAh', 'electronics', 29_900, 1.5, 'few'],
  ['USB-C 고속 충전기 65W', 'electronics', 39_000, 1.8, 'few'],
  ['나이키 에어포스 1 07', 'fashion', 139_000, 1.2, 'few'],
  ['아디다스 삼바 OG', 'fashion', 139_000, 1.0, 'few'],
  ['노스페이스 눕시 패딩', 'fashion', 369_000, 0.4, 'single'],
  ['유니클로 히트텍 크루넥 티셔츠', 'fashion', 19_900, 2.5, 'bulk'],
  ['리바이스 501 오리지널 청바지', 'fashion', 119_000, 0.9, 'few'],
  ['무신사 스탠다드 후드 스웨트셔츠', 'fashion', 39_900, 2.0, 'few'],
  ['캐나다구스 익스페디션 파카', 'fashion', 1_650_000, 0.04, 'single'],
  ['구찌 GG 마몽 숄더백', 'fashion', 2_950_000, 0.02, 'single'],
  ['설화수 윤조에센스 90ml', 'beauty', 130_000, 0.8, 'few'],
  ['라네즈 워터뱅크 크림', 'beauty', 38_000, 1.8, 'few'],
  ['이니스프리 그린티 씨드 세럼', 'beauty', 27_000, 2.0, 'few'],
  ['메디힐 마스크팩 10매', 'beauty', 15_900, 2.5, 'bulk'],
  ['헤라 블랙 쿠션', 'beauty', 66_000, 1.2, 'few'],
  ['조말론 잉글리쉬 페어 코롱 100ml', 'beauty', 245_000, 0.4, 'single'],
  ['농심 신라면 멀티팩 5입', 'grocery', 4_480, 4.0, 'bulk'],
  ['CJ 햇반 210g 24개', 'grocery', 26_900, 3.0, 'bulk'],
  ['제주 삼다수 2L 12병', 'grocery', 12_960, 3.5, 'bulk'],
  ['비비고 왕교자 1.05kg', 'grocery', 11_980, 3.0, 'bulk'],
  ['한우 1++ 등심 500g', 'grocery', 89_000, 0.8, 'few'],
  ['정관장 홍삼정 에브리타임 30포', 'grocery', 128_000, 0.6, 'few'],
  ['스타벅스 원두 하우스 블렌드 1.13kg', 'grocery', 39_800, 1.2, 'few'],
  ['제주 감귤 5kg', 'grocery', 24_900, 1.5, 'few'],
  ['서울우유 1L 6팩', 'grocery', 15_800, 2.0, 'bulk'],
  ['쿠쿠 전기압력밥솥 6인용', 'home', 289_000, 0.4, 'single'],
  ['필립스 에어프라이어 XXL', 'home', 199_000, 0.5, 'single'],
  ['이케아 알렉스 서랍장', 'home', 79_000, 0.6, 'few'],
  ['템퍼 오리지널 베개', 'home', 159_000, 0.5, 'few'],
  ['시몬스 뷰티레스트 매트리스 퀸', 'home', 1_290_000, 0.04, 'single'],
  ['락앤락 밀폐용기 20종 세트', 'home', 32_900, 1.5, 'few'],
  ['코웨이 공기청정기 AP-1019', 'home', 459_000, 0.2, 'single'],
  ['어린 왕자 (양장본)', 'hobby', 11_700, 1.5, 'few'],
  ['레고 테크닉 포르쉐 911 GT3 RS', 'hobby', 599_000, 0.04, 'single'],
  ['레고 클래식 중형 브릭 박스', 'hobby', 39_900, 0.8, 'few'],
  ['만두카 요가매트 5mm', 'hobby', 29_000, 1.0, 'few'],
  ['코베아 캠핑 텐트 4인용', 'hobby', 349_000, 0.2, 'single'],
  ['가민 포러너 965', 'sports', 799_000, 0.05, 'single'],
  ['윌슨 프로스태프 테니스 라켓', 'sports', 289_000, 0.2, 'single'],
  ['나이키 플라이트 축구공', 'sports', 39_000, 0.6, 'few'],
  ['구글 플레이 기프트카드 5만원', 'gift_card', 50_000, 1.0, 'few'],
  ['문화상품권 1만원', 'gift_card', 10_000, 1.0, 'few'],
  ['컬쳐랜드 상품권 10만원', 'gift_card', 100_000, 0.3, 'few'],
];

export const CATALOG: readonly Product[] = ROWS.map(([name, category, price, weight, quantity], i) => ({
  id: `P${String(i + 1).padStart(4, '0')}`,
  name,
  category,
  price,
  weight,
  quantity,
}));

const productPicker = new WeightedPicker(CATALOG.map((p) => ({ item: p, weight: p.weight })));
const quantityPickers = Object.fromEntries(
  (Object.keys(QUANTITY_DISTRIBUTION) as QuantityProfile[]).map((profile) => [
    profile,
    new WeightedPicker(QUANTITY_DISTRIBUTION[profile].map((weight, i) => ({ item: i + 1, weight }))),
  ]),
) as Record<QuantityProfile, WeightedPicker<number>>;

/** A product by popularity, as a normal shopper picks it. */
export function pickProduct(prng: Prng): Product {
  return productPicker.pick(prng);
}

export function pickQuantity(prng: Prng, product: Product): number {
  return quantityPickers[product.quantity].pick(prng);
}

/** Products whose single unit reaches the high-value threshold (used by the high-value scenario). */
export function expensiveProducts(thresholdKrw: number): readonly Product[] {
  return CATALOG.filter((p) => p.price >= thresholdKrw);
}

/** Exact probability that a normal order's unit_price * quantity >= threshold. */
export function expectedHighValueShare(thresholdKrw: number): number {
  const totalWeight = CATALOG.reduce((s, p) => s + p.weight, 0);
  let share = 0;
  for (const p of CATALOG) {
    const dist = QUANTITY_DISTRIBUTION[p.quantity];
    const qTotal = dist.reduce((s, w) => s + w, 0);
    let pHigh = 0;
    dist.forEach((w, i) => {
      if (p.price * (i + 1) >= thresholdKrw) pHigh += w / qTotal;
    });
    share += (p.weight / totalWeight) * pHigh;
  }
  return share;
}
