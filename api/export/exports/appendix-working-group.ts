import { ExportWorkingGroupsDocument } from '../../operations/generated/graphql.js';
import { fileNameOf } from '../file-name.js';
import { WORKING_GROUP_ROLE_RU } from '../labels.js';
import { allPages, annexOf, column, notFound, orderText, type PrintDefinition } from '../print/document.js';

/** Председатель, заместители, секретарь, члены: the order an order lists them in. */
const ROLE_ORDER = Object.keys(WORKING_GROUP_ROLE_RU);

/**
 * The composition of a working group (`/export/appendix-working-group.<xlsx|html|csv>?groupId=…`),
 * as the order that formed it appends it: the chair, the deputy chairs, the secretary, then the
 * members, each in the order they were added, with position, organisation and role in Russian.
 * A group outside the viewer's scope is unknown (404).
 */
export const appendixWorkingGroup: PrintDefinition = {
  name: 'appendix-working-group',
  parameters: { groupId: { required: true } },
  async build(run, parameters) {
    const groupId = String(parameters.groupId);
    const groups = await allPages(
      async (after) => (await run(ExportWorkingGroupsDocument, { after })).workingGroups,
    );
    const group = groups.find((g) => g.id === groupId);
    if (!group) throw notFound('No such working group in your scope', 'groupId');
    const members = [...group.members]
      .map((m, i) => ({ m, i }))
      .sort((a, b) => ROLE_ORDER.indexOf(a.m.role) - ROLE_ORDER.indexOf(b.m.role) || a.i - b.i)
      .map(({ m }) => m);
    const place = group.municipality ? `${group.municipality.name}, ${group.region.name}` : group.region.name;
    const formed = orderText(group.order);
    return {
      title: `Состав рабочей группы: ${group.name}`,
      annex: annexOf(group.order),
      heading: [`Состав рабочей группы: ${group.name}`, place, ...(formed ? [`Создана: ${formed}`] : [])],
      columns: [
        column('position', '№ п/п', 'integer', 6),
        column('full_name', 'Ф.И.О.', 'text', 26),
        column('job', 'Должность', 'text', 34),
        column('organisation', 'Организация', 'text', 30),
        column('role', 'Роль в рабочей группе', 'text', 22),
      ],
      rows: members.map((m, i) => [
        i + 1,
        m.fullName,
        m.position ?? null,
        m.organisation ?? null,
        WORKING_GROUP_ROLE_RU[m.role] ?? m.role,
      ]),
      empty: 'В рабочей группе нет участников',
      orientation: 'portrait',
      sheet: 'Рабочая группа',
      timeZone: group.region.timeZone,
      fileName: fileNameOf(
        ['appendix-working-group', group.region.code, 'group', group.id],
        ['Приложение. Состав рабочей группы', group.region.code, group.municipality?.name, group.id],
      ),
    };
  },
};
