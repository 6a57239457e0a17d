/** The demo city: 湖州市 and its counties (GB/T 2260). */
export const DEMO_CITY = '330500';
export const DEMO_COUNTIES = ['330502', '330503', '330521', '330522', '330523'];
