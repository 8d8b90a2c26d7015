import type { Catalog } from './en.js';

// The admin rules editor (ADR 0011).
export const rulesZhHans: Pick<Catalog, 'rulesEditor'> = {
  rulesEditor: {
    heading: '编辑社区规则',
    link: '编辑社区规则（管理员）',
    intro: '当前生效的是第 {{version}} 版。发布会生成新版本和一条公开的修订记录；过去的决定仍按作出时的版本。',
    publicPage: '查看公开的规则页面',
    adminsOnly: '只有管理员可以编辑社区规则。',
    add: '新增规则',
    newId: '新规则的编号',
    idHint: '小写字母、数字、- 和 _；发布后不再改变。',
    idTaken: '列表中已有这个编号的规则。',
    new: '新',
    retiredMark: '已停用',
    severity: '严重程度（1–5）',
    regions: '适用地区',
    regionsHint: '两字母代码，用逗号分隔（DE, AT）。留空：适用于所有地区。',
    title: '标题（{{lang}}）',
    body: '正文（{{lang}}）',
    retire: '停用这条规则',
    restore: '保留这条规则',
    note: '修订说明',
    noteIn: '改了什么、为什么（{{lang}}）',
    publish: '发布新版本',
    published: '已发布为第 {{version}} 版。',
    continue: '继续编辑',
    reload: '载入最新版本',
  },
};
