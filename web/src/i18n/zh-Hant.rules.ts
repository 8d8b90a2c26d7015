import type { Catalog } from './en.js';

// The admin rules editor (ADR 0011).
export const rulesZhHant: Pick<Catalog, 'rulesEditor'> = {
  rulesEditor: {
    heading: '編輯社群規則',
    link: '編輯社群規則（管理員）',
    intro: '目前生效的是第 {{version}} 版。發布會產生新版本和一則公開的修訂紀錄；過去的決定仍依作出時的版本。',
    publicPage: '查看公開的規則頁面',
    adminsOnly: '只有管理員可以編輯社群規則。',
    add: '新增規則',
    newId: '新規則的編號',
    idHint: '小寫字母、數字、- 和 _；發布後不再改變。',
    idTaken: '列表中已有這個編號的規則。',
    new: '新',
    retiredMark: '已停用',
    severity: '嚴重程度（1–5）',
    regions: '適用地區',
    regionsHint: '兩字母代碼，以逗號分隔（DE, AT）。留空：適用於所有地區。',
    title: '標題（{{lang}}）',
    body: '內文（{{lang}}）',
    retire: '停用這條規則',
    restore: '保留這條規則',
    note: '修訂說明',
    noteIn: '改了什麼、為什麼（{{lang}}）',
    publish: '發布新版本',
    published: '已發布為第 {{version}} 版。',
    continue: '繼續編輯',
    reload: '載入最新版本',
  },
};
