import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.js';

describe('detectLanguage', () => {
  it.each([
    ['ar', 'نحتاج إلى دعم فني لتطوير برامج التغذية المدرسية في المناطق الريفية'],
    ['zh', '我们需要技术支持，在农村地区发展学校供餐计划'],
    ['en', 'We need technical support to develop school feeding programmes in rural areas'],
    [
      'fr',
      'Nous avons besoin d’un appui technique pour développer l’alimentation scolaire dans les zones rurales',
    ],
    ['ru', 'Нам нужна техническая поддержка для развития школьного питания в сельских районах'],
    ['es', 'Necesitamos apoyo técnico para desarrollar la alimentación escolar en las zonas rurales'],
    ['vi', 'Chúng tôi cần hỗ trợ kỹ thuật để phát triển chương trình bữa ăn học đường ở nông thôn'],
  ])('recognises %s', (language, text) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('tells French and Spanish apart on short phrases', () => {
    expect(detectLanguage('la santé des mères et des enfants')).toBe('fr');
    expect(detectLanguage('la salud de las madres y los niños')).toBe('es');
  });

  it('is not fooled by a foreign name or acronym', () => {
    expect(detectLanguage('The project was led by Nguyễn Thị Hồng in the north of the country')).toBe('en');
    expect(detectLanguage('粮食计划署（WFP）在农村地区的学校供餐计划')).toBe('zh');
  });

  it('recognises a two-word Vietnamese phrase by its letters', () => {
    expect(detectLanguage('chương trình')).toBe('vi');
  });

  it.each([
    ['nothing', ''],
    ['digits and punctuation', '2024 – 2030 / 17.9 !!'],
    ['two Latin words with no hint', 'Malaria bednets'],
    ['a tie between languages', 'la de'],
  ])('returns null for %s', (_, text) => {
    expect(detectLanguage(text)).toBeNull();
  });

  it('takes longer Latin text with no hint as English', () => {
    expect(detectLanguage('Malaria bednet distribution campaign')).toBe('en');
  });
});
